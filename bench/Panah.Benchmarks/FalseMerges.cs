using System.Globalization;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>
/// What the false merges of a run are made of (<c>synth --classify</c>): the comparison levels of every match edge
/// that joined two different people, the sizes of the clusters holding more than one person, and the estimated
/// prior against the true share of matching pairs.
/// </summary>
internal static class FalseMerges
{
    public static void Print(IReadOnlyList<PersonRecord> records, IReadOnlyList<int> person, DedupeResult result, int top = 25)
    {
        var n = (double)records.Count;
        var truePairs = Enumerable.Range(0, records.Count).GroupBy(i => person[i]).Sum(g => (double)g.Count() * (g.Count() - 1) / 2);
        var trueBits = Math.Log2(truePairs / (n * (n - 1) / 2 - truePairs));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prior {result.Model.PriorWeight:F2} bits, true {trueBits:F2} bits ({truePairs:F0} matching pairs)"));

        var index = new Dictionary<string, int>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
            index[records[i].Id] = i;
        var signatures = new Dictionary<string, (int Count, double Score)>(StringComparer.Ordinal);
        int falseLinks = 0;
        foreach (var link in result.Links)
        {
            int a = index[link.IdA], b = index[link.IdB];
            if (person[a] == person[b])
                continue;
            falseLinks++;
            var e = result.Model.Explain(records[a], records[b]);
            var key = string.Join(' ', e.Contributions.Select(c => $"{Short(c.Field)}={Short(c.Level)}"));
            var s = signatures.GetValueOrDefault(key);
            signatures[key] = (s.Count + 1, s.Score + link.Score);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{falseLinks} of {result.Links.Count} match edges join two people; commonest level patterns:"));
        foreach (var (key, (count, score)) in signatures.OrderByDescending(s => s.Value.Count).Take(top))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,7}  mean {score / count,5:F1} bits  {key}"));

        var impure = Enumerable.Range(0, records.Count).GroupBy(i => result.ClusterOf[i])
            .Select(g => (Size: g.Count(), People: g.Select(i => person[i]).Distinct().Count()))
            .Where(c => c.People > 1).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{impure.Count} clusters hold more than one person; by size: ") +
            string.Join(", ", impure.GroupBy(c => Math.Min(c.Size, 10)).OrderBy(g => g.Key).Select(g => $"{(g.Key == 10 ? "10+" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}")) +
            string.Create(CultureInfo.InvariantCulture, $"; largest {impure.DefaultIfEmpty().Max(c => c.Size)} records"));
    }

    internal static string Short(MatchField field) => field switch
    {
        MatchField.GivenName => "giv",
        MatchField.FamilyName => "fam",
        MatchField.FatherName => "fat",
        MatchField.Sex => "sex",
        MatchField.BirthDate => "dob",
        MatchField.BirthPlace => "plc",
        MatchField.Phone => "tel",
        MatchField.DocumentNumber => "doc",
        _ => "adr",
    };

    internal static string Short(string level) => level switch
    {
        "missing" => "-",
        "exact" or "same" => "X",
        "exact (1 January placeholder)" => "X1jan",
        "same year, one side 1 January" => "year1jan",
        "swapped or one digit off" => "close",
        "similar" or "one digit off" or "one character off" or "mostly the same" => "sim",
        "somewhat similar" or "partly the same" => "some",
        "different" => "diff",
        _ when level.StartsWith("not counted", StringComparison.Ordinal) => "nc",
        _ => level,
    };
}
