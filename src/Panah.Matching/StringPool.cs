using System.Collections.Concurrent;

namespace Panah.Matching;

/// <summary>
/// One instance of each normalised name, place, address and household key for a long-lived index. A registry
/// repeats a few thousand given names, family names and places across a million records: holding each once
/// instead of once per record is most of the index's heap. Safe for parallel use; it only grows, by distinct values.
/// </summary>
internal sealed class StringPool
{
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="s"/>; <paramref name="s"/> itself without a pool.</summary>
    public static string Get(StringPool? pool, string s) => pool is null || s.Length == 0 ? s : pool._strings.GetOrAdd(s, s);
}
