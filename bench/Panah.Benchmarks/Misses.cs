using System.Globalization;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>
/// Why true pairs were missed (<c>synth --misses</c>). For every person split over several clusters, each two of
/// their fragments (weighted by the missed pairs between them, |A|·|B|) are put in the first of: a cannot-link
/// between them; a candidate pair across them scoring as a match (so the clustering refused the merge); the best
/// candidate pair below the match threshold (by how far below); some pair sharing a blocking key without being a
/// candidate (cut by a window); never blocked together. The commonest level patterns of the best pair across
/// are printed per category.
/// </summary>
internal static class Misses
{
    public static void Print(IReadOnlyList<PersonRecord> records, IReadOnlyList<int> person, DedupeResult result, int top = 12)
    {
        var model = result.Model;
        var prepared = new PreparedRecord[records.Count];
        Parallel.For(0, records.Count, i => prepared[i] = model.Prepare(records[i]));
        var candidates = CandidatePairs.Generate(prepared, DedupeOptions.Default, out _);
        var keys = new ulong[records.Count][];
        Parallel.For(0, records.Count, i =>
        {
            keys[i] = new ulong[BlockingKeys.RuleCount];
            BlockingKeys.Compute(prepared[i], keys[i]);
        });

        var categories = new Dictionary<string, (long Pairs, Dictionary<string, long> Patterns)>(StringComparer.Ordinal);
        long missed = 0, truePairs = 0;
        foreach (var g in Enumerable.Range(0, records.Count).GroupBy(i => person[i]))
        {
            var members = g.ToList();
            truePairs += (long)members.Count * (members.Count - 1) / 2;
            var fragments = members.GroupBy(i => result.ClusterOf[i]).Select(f => f.ToList()).ToList();
            for (var x = 0; x < fragments.Count; x++)
            {
                for (var y = x + 1; y < fragments.Count; y++)
                {
                    var weight = (long)fragments[x].Count * fragments[y].Count;
                    missed += weight;
                    var (category, a, b) = Classify(prepared, candidates, keys, model, fragments[x], fragments[y]);
                    var pattern = Pattern(model.Explain(prepared[a], prepared[b]));
                    ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(categories, category, out var exists);
                    if (!exists)
                        slot = (0, new Dictionary<string, long>(StringComparer.Ordinal));
                    slot.Pairs += weight;
                    slot.Patterns[pattern] = slot.Patterns.GetValueOrDefault(pattern) + weight;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"missed {missed} of {truePairs} true pairs ({100.0 * missed / truePairs:F2} %); by cause:"));
        foreach (var (category, (pairs, patterns)) in categories.OrderByDescending(c => c.Value.Pairs))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pairs,8} ({100.0 * pairs / missed:F1} % of missed)  {category}"));
            foreach (var (pattern, count) in patterns.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count,7}  {pattern}"));
        }
    }

    private static (string Category, int A, int B) Classify(PreparedRecord[] prepared, long[] candidates, ulong[][] keys, MatchModel model, List<int> left, List<int> right)
    {
        (int A, int B) best = (left[0], right[0]);
        var bestScore = double.NegativeInfinity;
        var cannotLink = false;
        (int, int) cannotLinkPair = best;
        var sharesKey = false;
        var candidate = false;
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                var c = Comparer.Compare(prepared[a], prepared[b]);
                if (CannotLink.Applies(prepared[a], prepared[b], c))
                {
                    cannotLink = true;
                    cannotLinkPair = (a, b);
                    continue;
                }

                if (Array.BinarySearch(candidates, CandidatePairs.Pack(a, b)) >= 0)
                {
                    candidate = true;
                    var score = model.Score(prepared[a], prepared[b], c);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = (a, b);
                    }
                }
                else if (!candidate)
                {
                    for (var r = 0; r < BlockingKeys.RuleCount; r++)
                        sharesKey |= keys[a][r] != 0 && keys[a][r] == keys[b][r];
                    if (!sharesKey)
                        best = (a, b);
                }
            }
        }

        if (cannotLink)
            return ($"cannot-link ({CannotLinkReason(prepared[cannotLinkPair.Item1], prepared[cannotLinkPair.Item2])})", cannotLinkPair.Item1, cannotLinkPair.Item2);
        if (candidate)
        {
            var band = bestScore >= 0 ? "candidate scored a match: merge refused by the clustering"
                : bestScore >= -5 ? "candidate below the threshold, −5 to 0 bits (review band)"
                : bestScore >= -10 ? "candidate −10 to −5 bits"
                : "candidate below −10 bits";
            return (band, best.A, best.B);
        }

        return (sharesKey ? "shares a blocking key, cut by a window" : "never blocked together", best.A, best.B);
    }

    private static string CannotLinkReason(PreparedRecord a, PreparedRecord b)
    {
        var c = Comparer.Compare(a, b);
        if (!string.IsNullOrEmpty(a.Household) && a.Household == b.Household)
            return "same household";
        if (c.Level((int)MatchField.DocumentNumber) == 2)
            return "documents";
        if (c.Level((int)MatchField.Sex) == 1)
            return "sex";
        return "dates";
    }

    private static string Pattern(PairExplanation e) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(e.Score),4:F0} bits  ") +
        string.Join(' ', e.Contributions.Select(c => $"{FalseMerges.Short(c.Field)}={FalseMerges.Short(c.Level)}"));
}
