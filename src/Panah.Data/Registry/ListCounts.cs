using System.Collections.Concurrent;

namespace Panah.Data.Registry;

/// <summary>
/// Remembers list totals for a short while: "page 3 of 1,748" need not be recounted over hundreds of
/// thousands of rows on every click. A registration or edit may take up to <see cref="Lifetime"/> to show in a total.
/// </summary>
public sealed class ListCounts(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>At most this many totals are remembered; beyond it a new filter is counted each time until older totals expire.</summary>
    public const int Capacity = 1024;
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset At)> counts = new();

    public async Task<int> GetAsync(string key, Func<Task<int>> count)
    {
        var now = clock.GetUtcNow();
        if (counts.TryGetValue(key, out var known) && now - known.At < Lifetime)
        {
            return known.Count;
        }
        var fresh = await count();
        if (counts.Count >= Capacity)
        {
            // Filters are typed by users (any district string): keep the memory bounded, dropping what has expired first.
            foreach (var (k, v) in counts)
            {
                if (now - v.At >= Lifetime)
                {
                    counts.TryRemove(k, out _);
                }
            }
        }
        if (counts.Count < Capacity)
        {
            counts[key] = (fresh, now);
        }
        return fresh;
    }

    /// <summary>How many totals are remembered now.</summary>
    public int Remembered => counts.Count;

    /// <summary>Forgets every total, after a change that certainly moves them (a registration, a merge).</summary>
    public void Clear() => counts.Clear();
}
