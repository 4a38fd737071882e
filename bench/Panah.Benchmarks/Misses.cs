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
        var examples = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var byNames = new Dictionary<string, long>(StringComparer.Ordinal);
        var clusters = Enumerable.Range(0, records.Count).GroupBy(i => result.ClusterOf[i]).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList());
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
                    if (category.StartsWith("candidate scored", StringComparison.Ordinal))
                        category += ": " + Refusal(prepared, model, person, Members(clusters, result.ClusterOf[a], a), Members(clusters, result.ClusterOf[b], b));
                    var list = examples.TryGetValue(category, out var l) ? l : examples[category] = [];
                    if (list.Count < 4)
                        list.Add(Example(model.Explain(prepared[a], prepared[b])));
                    var explanation = model.Explain(prepared[a], prepared[b]);
                    var pattern = Pattern(explanation);
                    var names = $"given {FalseMerges.Short(explanation.Contributions[0].Level)}, family {FalseMerges.Short(explanation.Contributions[1].Level)}";
                    byNames[names] = byNames.GetValueOrDefault(names) + weight;
                    var nameList = examples.TryGetValue(names, out var nl) ? nl : examples[names] = [];
                    if (nameList.Count < 10)
                        nameList.Add($"[{explanation.Contributions[0].ValueA}|{explanation.Contributions[0].ValueB}] [{explanation.Contributions[1].ValueA}|{explanation.Contributions[1].ValueB}] {records[a].GivenName} {records[a].FamilyName} | {records[b].GivenName} {records[b].FamilyName}");
                    ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(categories, category, out var exists);
                    if (!exists)
                        slot = (0, new Dictionary<string, long>(StringComparer.Ordinal));
                    slot.Pairs += weight;
                    slot.Patterns[pattern] = slot.Patterns.GetValueOrDefault(pattern) + weight;
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"missed {missed} of {truePairs} true pairs ({100.0 * missed / truePairs:F2} %); by cause:"));
        Console.WriteLine("by the names of the best pair across: " + string.Join(", ", byNames.OrderByDescending(n => n.Value).Select(n => $"{n.Key}: {n.Value}")));
        foreach (var (names, _) in byNames.OrderByDescending(n => n.Value).Take(6))
            Console.WriteLine($"  {names}: " + string.Join("; ", examples[names]));
        foreach (var (category, (pairs, patterns)) in categories.OrderByDescending(c => c.Value.Pairs))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pairs,8} ({100.0 * pairs / missed:F1} % of missed)  {category}"));
            foreach (var (pattern, count) in patterns.OrderByDescending(p => p.Value).Take(top))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count,7}  {pattern}"));
            foreach (var example in examples[category])
                Console.WriteLine("      e.g. " + example);
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

    private static List<int> Members(Dictionary<int, List<int>> clusters, int cluster, int record) =>
        clusters.TryGetValue(cluster, out var members) ? members : [record];

    /// <summary>Why the clustering would not merge the two clusters (the rules of <c>Clusterer.Coherent</c>).</summary>
    private static string Refusal(PreparedRecord[] prepared, MatchModel model, IReadOnlyList<int> person, List<int> left, List<int> right)
    {
        var pure = left.Concat(right).Select(i => person[i]).Distinct().Count() == 1 ? "one person" : "another person in a cluster";
        if (left.Count + right.Count > DedupeOptions.Default.MaxClusterSize)
            return "too big";
        double sum = 0;
        var floor = false;
        foreach (var x in left)
        {
            foreach (var y in right)
            {
                var c = Comparer.Compare(prepared[x], prepared[y]);
                if (CannotLink.Applies(prepared[x], prepared[y], c))
                    return $"a cannot-link across ({pure})";
                var score = model.Score(prepared[x], prepared[y], c);
                floor |= score < DedupeOptions.Default.ClusterFloor;
                sum += MatchModel.Probability(score);
            }
        }

        return floor ? $"a pair below the floor ({pure})" : sum < 0.5 * left.Count * right.Count ? $"mean below one half ({pure}, {left.Count}+{right.Count})" : $"coherent now ({pure})";
    }

    private static string Example(PairExplanation e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Score:F1}: ") +
        string.Join("; ", e.Contributions.Where(c => c.Level != "missing").Select(c => string.Create(CultureInfo.InvariantCulture, $"{FalseMerges.Short(c.Field)} {FalseMerges.Short(c.Level)} {c.Weight:F1} [{c.ValueA}|{c.ValueB}]")));

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
