namespace Panah.Matching;

/// <summary>
/// Pairs for estimating m, blocked on one thing so that the other fields can be learnt without bias
/// (the Splink recipe): pairs born on the same day teach how names, phones and documents of one person
/// differ; pairs with the same names teach how birth dates differ. Blocks are visited in hash order,
/// which is effectively random, until enough pairs are collected.
/// </summary>
internal static class TrainingPairs
{
    private const int MaxBlock = 60;

    /// <summary>Pattern counts of pairs of records sharing the same birth date (not a 1 January placeholder).</summary>
    public static Dictionary<ulong, long> SameBirthDate(PreparedRecord[] records, int maxPairs) =>
        Count(records, r => r.Date != 0 && !BirthDates.IsPlaceholder(r.Date) ? (ulong)r.Date : 0, maxPairs);

    /// <summary>Pattern counts of pairs of records with the same given and family name keys (either order), whatever the date.</summary>
    public static Dictionary<ulong, long> SameNames(PreparedRecord[] records, int maxPairs) =>
        Count(records, r =>
        {
            if (r.Given.Key.Length == 0 || r.Family.Key.Length == 0)
                return 0;
            var (lo, hi) = string.CompareOrdinal(r.Given.Key, r.Family.Key) <= 0 ? (r.Given.Key, r.Family.Key) : (r.Family.Key, r.Given.Key);
            // A stable hash (not string.GetHashCode, which changes per process) keeps training repeatable.
            return BlockingKeys.Hash(100, lo, hi, 0);
        }, maxPairs);

    private static Dictionary<ulong, long> Count(PreparedRecord[] records, Func<PreparedRecord, ulong> key, int maxPairs)
    {
        var keys = new List<(ulong Hash, int Index)>();
        for (var i = 0; i < records.Length; i++)
        {
            var k = key(records[i]);
            if (k != 0)
                keys.Add((Scramble(k), i));
        }

        keys.Sort();
        var counts = new Dictionary<ulong, long>();
        var pairs = 0;
        for (var start = 0; start < keys.Count && pairs < maxPairs;)
        {
            var end = start + 1;
            while (end < keys.Count && keys[end].Hash == keys[start].Hash)
                end++;
            if (end - start <= MaxBlock)
            {
                for (var x = start; x < end; x++)
                {
                    for (var y = x + 1; y < end; y++)
                    {
                        var c = Comparer.Compare(records[keys[x].Index], records[keys[y].Index]).WithCannotLink(records[keys[x].Index], records[keys[y].Index]);
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, c.Levels, out _)++;
                        pairs++;
                    }
                }
            }

            start = end;
        }

        return counts;
    }

    /// <summary>Spreads keys over the hash space so that the visiting order is unrelated to dates or names.</summary>
    private static ulong Scramble(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb3f98a6fe2e7UL;
        k ^= k >> 33;
        return k;
    }
}
