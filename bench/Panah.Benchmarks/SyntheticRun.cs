using System.Diagnostics;
using System.Globalization;
using System.Text;
using Panah.Benchmarks.Synthetic;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>Generates the synthetic Uyghur registry, deduplicates it and scores the result against the truth.</summary>
internal static class SyntheticRun
{
    public static int Run(string[] args)
    {
        var size = Args.GetInt(args, "--size", 20_000);
        var seed = Args.GetInt(args, "--seed", 42);
        var write = Args.Get(args, "--write", string.Empty);
        var sw = Stopwatch.StartNew();
        var legacy = args.Contains("--legacy");
        var (records, person) = SyntheticRegistry.Generate(size, seed, legacy);
        Console.WriteLine($"generated {records.Count} records of {person.Distinct().Count()} people ({(legacy ? "legacy" : "realistic")} generator) in {sw.Elapsed.TotalSeconds:F1} s");
        if (write.Length > 0)
        {
            Write(write, records, person);
            Console.WriteLine($"wrote {write}");
            if (args.Contains("--no-dedupe"))
                return 0;
        }

        GC.Collect();
        var timer = new StageTimer();
        sw.Restart();
        var result = new Deduplicator().Run(records, timer);
        var seconds = sw.Elapsed.TotalSeconds;
        var truth = person.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine($"deduplicated in {seconds:F1} s ({timer}); {result.Blocking.CandidatePairs} candidate pairs " +
            $"({result.Blocking.GeneratedPairs} generated, {result.Blocking.OversizedBlocks} oversized blocks); EM {result.EmIterations} it; " +
            $"{result.ClusterCount} clusters; review queue {result.ReviewQueue.Count} ({result.ReviewDeferred} beyond the budget)");
        Console.WriteLine($"pairwise {PairwiseScore.Of(result.ClusterOf, truth)}");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        if (args.Contains("--explain-model"))
        {
            foreach (var field in result.Model.Fields)
                Console.WriteLine($"  {field.Field,-15} " + string.Join("  ", field.Levels.Select(l => $"{l.Name}: m={l.M:F3} u={l.U:F5} w={l.Weight:F1}")));
            Console.WriteLine($"  prior {result.Model.Prior:G3} ({result.Model.PriorWeight:F1} bits)");
        }

        if (args.Contains("--classify"))
            FalseMerges.Print(records, person, result);
        if (args.Contains("--misses"))
            Misses.Print(records, person, result);
        if (args.Contains("--errors"))
            PrintErrors(records, person, result);
        return 0;
    }

    public static void PrintErrors(List<PersonRecord> records, List<int> person, DedupeResult result)
    {
        var model = result.Model;
        var shown = 0;
        var byPerson = Enumerable.Range(0, records.Count).GroupBy(i => person[i]);
        foreach (var g in byPerson)
        {
            var members = g.ToList();
            for (var x = 0; x < members.Count && shown < 15; x++)
            {
                for (var y = x + 1; y < members.Count && shown < 15; y++)
                {
                    if (result.ClusterOf[members[x]] == result.ClusterOf[members[y]])
                        continue;
                    shown++;
                    Print("MISSED", model.Explain(records[members[x]], records[members[y]]), records[members[x]], records[members[y]]);
                }
            }
        }

        shown = 0;
        foreach (var c in Enumerable.Range(0, records.Count).GroupBy(i => result.ClusterOf[i]).Where(c => c.Select(i => person[i]).Distinct().Count() > 1))
        {
            if (shown++ >= 15)
                break;
            var m = c.ToList();
            var other = m.First(i => person[i] != person[m[0]]);
            Print("FALSE", model.Explain(records[m[0]], records[other]), records[m[0]], records[other]);
        }
    }

    private static void Print(string kind, PairExplanation e, PersonRecord a, PersonRecord b)
    {
        Console.WriteLine($"{kind} score {e.Score:F1}: {a}\n      {b}");
        Console.WriteLine("      " + string.Join("; ", e.Contributions.Where(c => c.Level != "missing").Select(c => $"{c.Field} {c.Level} {c.Weight:F1} [{c.ValueA}|{c.ValueB}]")));
    }

    public static void Write(string path, IReadOnlyList<PersonRecord> records, IReadOnlyList<int> person)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("id,given_name,family_name,father_name,sex,birth_date,birth_place,phone,document_number,address,household_id,person");
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            w.WriteLine(string.Join(',', r.Id, Csv(r.GivenName), Csv(r.FamilyName), Csv(r.FatherName), Csv(r.Sex),
                r.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, Csv(r.BirthPlace), Csv(r.Phone),
                Csv(r.DocumentNumber), Csv(r.Address), Csv(r.HouseholdId), person[i].ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string Csv(string? value) =>
        value is null ? string.Empty : value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
