using System.Collections.Concurrent;
using Panah.Data.Budgets;

namespace Panah.Web.Infrastructure;

/// <summary>
/// The API rate limit's admissions, reserved from the shared window counters in blocks so that a busy node does not
/// write the database on every request. A node that has used up its block reserves the next: an eighth of what the
/// limit has left as this node last saw it (less what it is reserving already), and one at a time once fewer than
/// sixteen are left. The counters hold
/// every reserved admission, so all nodes together never admit more than the limit; at worst a node's unused block
/// refuses a few requests early, fewer the nearer the limit is, and none once blocks are down to one (exactly as
/// counting each request, which is what small limits always do). Once a window is spent, a node refuses without
/// writing: the counts only grow until the window ends.
/// </summary>
public sealed class ApiRateLeases(TimeProvider clock)
{
    /// <summary>What this node holds of one counter's window: admissions reserved and not yet used, and the least the total can be (the last one learned, plus what this node is reserving).</summary>
    private sealed class Lease
    {
        public long Left;
        public long Known;
    }

    private readonly ConcurrentDictionary<(string Key, long Window), Lease> leases = new();

    private long reservations;

    /// <summary>How many times this node has written the counters: what the blocks spare the database.</summary>
    public long Reservations => Interlocked.Read(ref reservations);

    /// <summary>Counts one request against every limit; true when each of them still admits it.</summary>
    public async Task<bool> AdmitAsync(IReadOnlyList<(CounterWindow Counter, int Allowed)> limits, WindowCounters counters, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var reserve = new List<(int Index, Lease Lease, long Block)>();
        var admitted = true;
        for (var i = 0; i < limits.Count; i++)
        {
            var (counter, allowed) = limits[i];
            var lease = leases.GetOrAdd((counter.Key, now / (long)counter.Length.TotalSeconds), _ => new Lease());
            lock (lease)
            {
                if (lease.Left > 0)
                {
                    lease.Left--;
                    continue;
                }
                if (lease.Known >= allowed)
                {
                    // The window is spent: counting on changes nothing before it ends, so nothing is written.
                    admitted = false;
                    continue;
                }
                // Counted as reserved at once, so that requests reserving beside this one take smaller blocks.
                var block = Math.Max(1, (allowed - lease.Known) / 8);
                lease.Known += block;
                reserve.Add((i, lease, block));
            }
        }
        if (reserve.Count == 0)
        {
            return admitted;
        }
        if (leases.Count > 10_000)
        {
            Forget(now);
        }
        Interlocked.Increment(ref reservations);
        var totals = await counters.AddAsync([.. reserve.Select(r => (limits[r.Index].Counter, r.Block))], ct);
        for (var j = 0; j < reserve.Count; j++)
        {
            var (index, lease, block) = reserve[j];
            // Of the block just reserved, what lies within the limit: this request takes one, the rest is this node's.
            var within = Math.Min(block, limits[index].Allowed - (totals[j] - block));
            lock (lease)
            {
                lease.Known = Math.Max(lease.Known, totals[j]);
                lease.Left += Math.Max(0, within - 1);
            }
            admitted &= within >= 1;
        }
        return admitted;
    }

    /// <summary>Drops the leases of windows that have ended (with thousands of client addresses, they would pile up); the API's windows are minutes.</summary>
    private void Forget(long now)
    {
        foreach (var key in leases.Keys.Where(k => k.Window < now / 60 - 1))
        {
            leases.TryRemove(key, out _);
        }
    }
}
