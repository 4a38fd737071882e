using System.Diagnostics;
using Panah.Benchmarks.Synthetic;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>
/// Online check: index N synthetic people, then look up held-out registrations one at a time
/// (single thread) and report latency percentiles and whether the top candidate is the right person.
/// <c>--tracing</c> probes as a family tracing request does: the names alone (given, family, father; no sex, date,
/// place, phone, document or address), the five likeliest people at probability 0.2 or more, and reports how often the
/// right person is among them.
/// </summary>
internal static class OnlineRun
{
    public static int Run(string[] args)
    {
        var size = Args.GetInt(args, "--size", 1_000_000);
        var probes = Args.GetInt(args, "--probes", 10_000);
        var (all, person) = SyntheticRegistry.Generate(size + probes, Args.GetInt(args, "--seed", 7));

        // Hold out `probes` registrations of people who also have another registration; index the rest (exactly `size`).
        var perPerson = person.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var heldOut = new HashSet<int>();
        for (var i = all.Count - 1; i >= 0 && heldOut.Count < probes; i--)
        {
            if (perPerson[person[i]] > 1)
            {
                heldOut.Add(i);
                perPerson[person[i]]--;
            }
        }

        var indexed = Enumerable.Range(0, all.Count).Where(i => !heldOut.Contains(i)).ToList();
        var sw = Stopwatch.StartNew();
        // As the web app does at start-up: train on the whole registry (a random sample of records would thin
        // the duplicate pairs quadratically and starve EM), then index it.
        var records = indexed.Select(i => all[i]).ToList();
        var model = MatchModelTrainer.Train(records);
        Console.WriteLine($"trained on {records.Count} records in {sw.Elapsed.TotalSeconds:F1} s");
        sw.Restart();
        var index = OnlineIndex.Build(records, model);
        Console.WriteLine($"indexed {index.Count} records in {sw.Elapsed.TotalSeconds:F1} s; working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB");

        var byId = indexed.ToDictionary(i => all[i].Id, i => person[i]);
        if (args.Contains("--tracing"))
        {
            var minimum = double.Parse(Args.Get(args, "--minimum", "0.2"), System.Globalization.CultureInfo.InvariantCulture);
            return Tracing(index, [.. heldOut.Order().Select(i => (all[i], person[i]))], byId, minimum);
        }
        var latencies = new List<double>();
        var found = 0;
        foreach (var i in heldOut.Order().Take(1000))
            index.Query(all[i], 5);
        foreach (var i in heldOut)
        {
            var t = Stopwatch.GetTimestamp();
            var hits = index.Query(all[i], 5);
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (hits.Count > 0 && hits[0].Probability >= 0.5 && byId[hits[0].Id] == person[i])
                found++;
            else if (args.Contains("--errors") && latencies.Count < 300)
                Console.WriteLine($"MISS {all[i]}\n  top: {(hits.Count > 0 ? all[indexed.First(k => all[k].Id == hits[0].Id)] + " p=" + hits[0].Probability.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "none")}\n  same person: {string.Join(" | ", indexed.Where(k => person[k] == person[i]).Select(k => all[k]))}");
        }

        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"{latencies.Count} queries against {index.Count} records: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, max {latencies[^1]:F2} ms; " +
            $"top candidate is the same person (p ≥ 0.5) for {found} ({100.0 * found / latencies.Count:F1} %)");
        return 0;
    }

    /// <summary>As <c>TracingRequests</c> probes: top 5 people of the candidates (15 records) at probability ≥ <paramref name="minimum"/> (its 0.2 by default, <c>--minimum</c>).</summary>
    private static int Tracing(OnlineIndex index, List<(PersonRecord Record, int Person)> probes, Dictionary<string, int> byId, double minimum)
    {
        static PersonRecord NamesOnly(PersonRecord r) => new(r.Id) { GivenName = r.GivenName, FamilyName = r.FamilyName, FatherName = r.FatherName };
        foreach (var (record, _) in probes.Take(1000))
            index.Query(NamesOnly(record), 15, minimum);
        var latencies = new List<double>();
        var (inTop5, first) = (0, 0);
        foreach (var (record, who) in probes)
        {
            var t = Stopwatch.GetTimestamp();
            var people = index.Query(NamesOnly(record), 15, minimum).Select(c => byId[c.Id]).Distinct().Take(5).ToList();
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            inTop5 += people.Contains(who) ? 1 : 0;
            first += people.Count > 0 && people[0] == who ? 1 : 0;
        }
        latencies.Sort();
        double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"{latencies.Count} names-only (tracing) probes against {index.Count} records: p50 {P(0.50):F2} ms, p95 {P(0.95):F2} ms, p99 {P(0.99):F2} ms, " +
            $"max {latencies[^1]:F2} ms; the person sought is among the five shown for {inTop5} ({100.0 * inTop5 / latencies.Count:F1} %), first for {first} ({100.0 * first / latencies.Count:F1} %)");
        return 0;
    }
}
