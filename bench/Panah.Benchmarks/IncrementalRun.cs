using System.Diagnostics;
using System.Globalization;
using Panah.Benchmarks.Synthetic;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>
/// An incremental duplicate run: N synthetic records indexed as the web app holds them (the model a batch run trained,
/// kept without its value frequencies and loaded back, so the index counts them as a node does at start-up), then
/// batches of new registrations added to the index and compared against everyone (<see cref="IncrementalDedupe"/>).
/// The first batch runs cold (JIT), the second warm. Reports the time of each and the pairs it proposes.
/// </summary>
internal static class IncrementalRun
{
    public static int Run(string[] args)
    {
        var size = Args.GetInt(args, "--size", 1_000_000);
        var added = Args.GetInt(args, "--new", 1_000);
        var (all, person) = SyntheticRegistry.Generate(size + 2 * added, Args.GetInt(args, "--seed", 7));
        var indexed = all.Take(all.Count - 2 * added).ToList();

        var sw = Stopwatch.StartNew();
        var trained = MatchModelTrainer.Train(indexed);
        using var parameters = new MemoryStream();
        trained.SaveParameters(parameters);
        parameters.Position = 0;
        var model = MatchModel.Load(parameters);
        Console.WriteLine($"trained on {indexed.Count} records in {sw.Elapsed.TotalSeconds:F1} s; parameters {parameters.Length} bytes");
        sw.Restart();
        var index = OnlineIndex.Build(indexed, model);
        Console.WriteLine($"indexed {index.Count} records in {sw.Elapsed.TotalSeconds:F1} s; {Environment.ProcessorCount} cores; working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB");

        for (var round = 0; round < 2; round++)
        {
            var start = indexed.Count + round * added;
            var batch = all.Skip(start).Take(added).ToList();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            sw.Restart();
            foreach (var r in batch)
                index.AddOrUpdate(r);
            var result = IncrementalDedupe.Run(index, batch);
            var seconds = sw.Elapsed.TotalSeconds;
            // CPU time beside the wall clock: on a shared machine the wall clock measures the other jobs too.
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var byId = Enumerable.Range(0, all.Count).Where(i => i < start + added).ToDictionary(i => all[i].Id, i => person[i]);
            var matches = result.Pairs.Where(p => p.Reason is null).ToList();
            var right = matches.Count(p => byId[p.IdA] == byId[p.IdB]);
            // New records whose person has another record in the index: the duplicates there were to find.
            var people = batch.Select(r => byId[r.Id]).ToHashSet();
            var perPerson = byId.Values.CountBy(p => p).ToDictionary(c => c.Key, c => c.Value);
            var findable = batch.Count(r => perPerson[byId[r.Id]] > 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(round == 0 ? "cold" : "warm")}: {batch.Count} new records against {index.Count} in {seconds:F2} s ({cpuSeconds:F2} s CPU); compared {result.Compared}; " +
                $"{matches.Count} matches ({right} the same person), {result.Pairs.Count - matches.Count} near misses queued, {result.Deferred} deferred; " +
                $"{findable} new records had another record of their person; {people.Count} people"));
        }

        return 0;
    }
}
