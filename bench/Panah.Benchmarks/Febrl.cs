using System.Diagnostics;
using System.Globalization;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>FEBRL 1–3 deduplication and FEBRL 4 linkage, threshold fixed at match probability 0.5 (no labels used).</summary>
internal static class Febrl
{
    public static int Run(string[] args)
    {
        var dir = Args.Get(args, "--data", "/work/shared/data/febrl");
        foreach (var name in new[] { "dataset1", "dataset2", "dataset3" })
        {
            var (records, truth) = Load(Path.Combine(dir, name + ".csv"));
            var sw = Stopwatch.StartNew();
            var result = new Deduplicator().Run(records);
            var score = PairwiseScore.Of(result.ClusterOf, truth);
            Console.WriteLine($"{name}: {records.Count} records, {result.Blocking.CandidatePairs} candidate pairs, {sw.ElapsedMilliseconds} ms, EM {result.EmIterations} it, λ={result.Model.Prior:G3}; {score}");
            if (args.Contains("--explain-model"))
                PrintModel(result.Model);
        }

        var (a, truthA) = Load(Path.Combine(dir, "dataset4a.csv"));
        var (b, truthB) = Load(Path.Combine(dir, "dataset4b.csv"));
        var all = a.Concat(b).ToList();
        var truth4 = truthA.Concat(truthB).ToList();
        var side = Enumerable.Repeat(0, a.Count).Concat(Enumerable.Repeat(1, b.Count)).ToList();
        var watch = Stopwatch.StartNew();
        var linked = new Deduplicator().Run(all);
        Console.WriteLine($"dataset4 (a+b linked): {all.Count} records, {linked.Blocking.CandidatePairs} candidate pairs, {watch.ElapsedMilliseconds} ms, λ={linked.Model.Prior:G3}; {PairwiseScore.Of(linked.ClusterOf, truth4, side)}");
        if (args.Contains("--explain-model"))
            PrintModel(linked.Model);
        if (args.Contains("--errors"))
            SyntheticRun.PrintErrors(all, truth4.Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList(), linked);
        return 0;
    }

    private static void PrintModel(MatchModel model)
    {
        foreach (var field in model.Fields)
            Console.WriteLine($"  {field.Field,-15} " + string.Join("  ", field.Levels.Select(l => $"{l.Name}: m={l.M:F3} u={l.U:F4} w={l.Weight:F1}")));
    }

    public static (List<PersonRecord> Records, List<string> Truth) Load(string path)
    {
        var records = new List<PersonRecord>();
        var truth = new List<string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',').Select(s => s.Trim()).ToArray();
            if (f.Length < 11)
                continue;
            records.Add(new PersonRecord(f[0])
            {
                GivenName = f[1],
                FamilyName = f[2],
                Address = string.Join(' ', f[3], f[4], f[5], f[6], f[7], f[8]),
                BirthDate = DateOnly.TryParseExact(f[9], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                DocumentNumber = f[10],
            });
            truth.Add(f[0].Split('-')[1]);
        }

        return (records, truth);
    }
}
