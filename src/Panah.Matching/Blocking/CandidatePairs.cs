namespace Panah.Matching;

/// <summary>
/// Candidate pairs from all blocking rules, each pair once. A block larger than
/// <see cref="DedupeOptions.MaxBlockSize"/> (a common name born on a placeholder 1 January) is not compared
/// all-to-all: its records are sorted by full name and date and each is compared with its
/// <see cref="DedupeOptions.LargeBlockWindow"/> neighbours only.
/// </summary>
internal static class CandidatePairs
{
    /// <summary>Sorted distinct pairs, each packed as (i &lt;&lt; 32) | j with i &lt; j.</summary>
    public static long[] Generate(IReadOnlyList<PreparedRecord> records, DedupeOptions options, out BlockingStatistics statistics)
    {
        var n = records.Count;
        var keys = new ulong[BlockingKeys.RuleCount][];
        for (var rule = 0; rule < BlockingKeys.RuleCount; rule++)
            keys[rule] = new ulong[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, () => new ulong[BlockingKeys.RuleCount], (i, _, buffer) =>
        {
            BlockingKeys.Compute(records[i], buffer);
            for (var rule = 0; rule < BlockingKeys.RuleCount; rule++)
                keys[rule][i] = buffer[rule];
            return buffer;
        }, _ => { });

        var perRule = new List<long>[BlockingKeys.RuleCount];
        var oversized = new int[BlockingKeys.RuleCount];
        Parallel.For(0, BlockingKeys.RuleCount, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, rule =>
            perRule[rule] = PairsOfRule(records, keys[rule], options, rule == BlockingKeys.MissingDateRule, out oversized[rule]));

        long total = 0;
        foreach (var list in perRule)
            total += list.Count;
        var all = new long[total];
        var at = 0;
        foreach (var list in perRule)
        {
            list.CopyTo(all, at);
            at += list.Count;
        }

        Array.Sort(all);
        var distinct = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (i == 0 || all[i] != all[i - 1])
                all[distinct++] = all[i];
        }

        Array.Resize(ref all, distinct);
        statistics = new BlockingStatistics(total, distinct, oversized.Sum());
        return all;
    }

    private static List<long> PairsOfRule(IReadOnlyList<PreparedRecord> records, ulong[] keyOf, DedupeOptions options, bool missingDateOnly, out int oversized)
    {
        oversized = 0;
        var count = 0;
        foreach (var k in keyOf)
        {
            if (k != 0)
                count++;
        }

        var keys = new ulong[count];
        var index = new int[count];
        var at = 0;
        for (var i = 0; i < keyOf.Length; i++)
        {
            if (keyOf[i] == 0)
                continue;
            keys[at] = keyOf[i];
            index[at++] = i;
        }

        Array.Sort(keys, index);
        var pairs = new List<long>();
        for (var start = 0; start < count;)
        {
            var end = start + 1;
            while (end < count && keys[end] == keys[start])
                end++;
            var size = end - start;
            if (missingDateOnly && size > 1)
            {
                AddWithMissingDate(records, index.AsSpan(start, size), options.MaxBlockSize, options.LargeBlockWindow, pairs);
            }
            else if (size > options.MaxBlockSize)
            {
                oversized++;
                AddWindowed(records, index.AsSpan(start, size), options.LargeBlockWindow, pairs);
            }
            else if (size > 1)
            {
                AddAll(index.AsSpan(start, size), pairs);
            }

            start = end;
        }

        return pairs;
    }

    private static void AddAll(ReadOnlySpan<int> block, List<long> pairs)
    {
        for (var x = 0; x < block.Length; x++)
        {
            for (var y = x + 1; y < block.Length; y++)
                pairs.Add(Pack(block[x], block[y]));
        }
    }

    /// <summary>
    /// Pairs of the block with at least one undated record. In a block above <paramref name="max"/> records
    /// (a common name) an undated record is paired only with its <paramref name="window"/> neighbours on
    /// each side, once in order of the father's name and once in order of the address (each pass only among
    /// the records that have that field, then by the other field and the phone): without a date, what can
    /// still make a namesake pair a match is an agreeing address or father's name (phone and document have
    /// rules of their own). One order over all three fields would put a record whose father's name is
    /// missing (or one written with it) far from its duplicate however much else agrees, and the more so the
    /// larger the block: at a million records such pairs were a quarter of the true pairs missed.
    /// </summary>
    private static void AddWithMissingDate(IReadOnlyList<PreparedRecord> records, ReadOnlySpan<int> block, int max, int window, List<long> pairs)
    {
        if (block.Length <= max)
        {
            foreach (var x in block)
            {
                if (records[x].Date != 0)
                    continue;
                foreach (var y in block)
                {
                    if (y != x && (records[y].Date != 0 || y > x))
                        pairs.Add(Pack(x, y));
                }
            }

            return;
        }

        AddUndatedNeighbours(records, block, window, static r => r.Father.Compact, static r => r.Address, pairs);
        AddUndatedNeighbours(records, block, window, static r => r.Address, static r => r.Father.Compact, pairs);
    }

    /// <summary>One sorted-neighbourhood pass for the undated records of a block, over the records whose
    /// <paramref name="first"/> field is known, in order of it, then <paramref name="second"/>, then the phone.</summary>
    private static void AddUndatedNeighbours(IReadOnlyList<PreparedRecord> records, ReadOnlySpan<int> block, int window,
        Func<PreparedRecord, string> first, Func<PreparedRecord, string> second, List<long> pairs)
    {
        var members = new List<int>(block.Length);
        var order = new List<string>(block.Length);
        foreach (var x in block)
        {
            var r = records[x];
            var key = first(r);
            if (key.Length == 0)
                continue;
            members.Add(x);
            order.Add(string.Concat(key, "\u0001", second(r), "\u0001", r.Phone));
        }

        var keys = order.ToArray();
        var sorted = members.ToArray();
        Array.Sort(keys, sorted, StringComparer.Ordinal);
        for (var p = 0; p < sorted.Length; p++)
        {
            if (records[sorted[p]].Date != 0)
                continue;
            for (var q = Math.Max(0, p - window); q < Math.Min(sorted.Length, p + window + 1); q++)
            {
                if (q != p && (records[sorted[q]].Date != 0 || q > p))
                    pairs.Add(Pack(sorted[p], sorted[q]));
            }
        }
    }

    private static void AddWindowed(IReadOnlyList<PreparedRecord> records, Span<int> block, int window, List<long> pairs)
    {
        var order = new string[block.Length];
        for (var i = 0; i < block.Length; i++)
        {
            var r = records[block[i]];
            order[i] = string.Concat(r.Given.Compact, " ", r.Family.Compact, " ", r.Date.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));
        }

        var members = block.ToArray();
        Array.Sort(order, members, StringComparer.Ordinal);
        for (var x = 0; x < members.Length; x++)
        {
            var last = Math.Min(members.Length, x + window + 1);
            for (var y = x + 1; y < last; y++)
                pairs.Add(Pack(members[x], members[y]));
        }
    }

    public static long Pack(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;

    public static (int I, int J) Unpack(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));
}

/// <summary>What blocking produced.</summary>
/// <param name="GeneratedPairs">Pairs produced by all rules before removing duplicates.</param>
/// <param name="CandidatePairs">Distinct candidate pairs compared.</param>
/// <param name="OversizedBlocks">Blocks above the size guard, compared by sorted neighbourhood instead of all-to-all.</param>
public sealed record BlockingStatistics(long GeneratedPairs, long CandidatePairs, int OversizedBlocks);
