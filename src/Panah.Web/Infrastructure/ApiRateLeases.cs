using System.Collections.Concurrent;
using Panah.Data.Budgets;

namespace Panah.Web.Infrastructure;

/// <summary>
/// The API rate limit's admissions, reserved from the shared window counters in blocks so that a busy node does not
/// write the database on every request. A node that has used up its block reserves the next: an eighth of what the
/// limit has left as this node last saw it (less what it is reserving already), and one at a time once fewer than
/// sixteen are left. The counters hold every reserved admission, so all nodes together never admit more than the
/// limit. A request that finds the limit taken up by this node's reservations still under way waits for them (their
/// blocks are its admissions) instead of being refused; once a window is spent and nothing is under way, a node
/// refuses without writing: the counts only grow until the window ends.
/// </summary>
public sealed class ApiRateLeases(TimeProvider clock)
{
    /// <summary>What this node holds of one counter's window: admissions reserved and not yet used, the least the total can be (the last one learned, plus what this node is reserving), and the reservations under way.</summary>
    private sealed class Lease
    {
        public long Left;
        public long Known;
        public int Reserving;
        public TaskCompletionSource Settled = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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
            while (true)
            {
                Task? underWay = null;
                lock (lease)
                {
                    if (lease.Left > 0)
                    {
                        lease.Left--;
                        break;
                    }
                    if (lease.Known >= allowed)
                    {
                        if (lease.Reserving == 0)
                        {
                            // The window is spent: counting on changes nothing before it ends, so nothing is written.
                            admitted = false;
                            break;
                        }
                        underWay = lease.Settled.Task;
                    }
                    else
                    {
                        // Counted as reserved at once, so that requests reserving beside this one take smaller blocks.
                        var block = Math.Max(1, (allowed - lease.Known) / 8);
                        lease.Known += block;
                        lease.Reserving++;
                        reserve.Add((i, lease, block));
                        break;
                    }
                }
                await underWay.WaitAsync(ct);
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
        IReadOnlyList<long>? totals = null;
        try
        {
            totals = await counters.AddAsync([.. reserve.Select(r => (limits[r.Index].Counter, r.Block))], ct);
        }
        finally
        {
            for (var j = 0; j < reserve.Count; j++)
            {
                var (index, lease, block) = reserve[j];
                TaskCompletionSource settled;
                lock (lease)
                {
                    if (totals is null)
                    {
                        // Nothing was reserved: what was counted ahead is taken back.
                        lease.Known -= block;
                    }
                    else
                    {
                        // Of the block just reserved, what lies within the limit: this request takes one, the rest is this node's.
                        var within = Math.Min(block, limits[index].Allowed - (totals[j] - block));
                        lease.Known = Math.Max(lease.Known, totals[j]);
                        lease.Left += Math.Max(0, within - 1);
                        admitted &= within >= 1;
                    }
                    lease.Reserving--;
                    settled = lease.Settled;
                    lease.Settled = NewSignal();
                }
                settled.TrySetResult();
            }
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
