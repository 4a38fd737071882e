using System.Diagnostics;
using Panah.Benchmarks.Synthetic;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>
/// What the web app's match index holds on the managed heap per record. The records are copied with strings of their
/// own first, as the app's decrypted ones are, and the copies dropped once indexed, as the app drops its list: what
/// is left is what the index keeps alive.
/// </summary>
internal static class IndexFootprint
{
    public static int Run(string[] args)
    {
        var size = Args.GetInt(args, "--size", 200_000);
        var (all, _) = SyntheticRegistry.Generate(size, Args.GetInt(args, "--seed", 7));
        var model = MatchModelTrainer.Train(all);
        // The per-record storage alone, as before the pool (every record its own strings, its source kept) and with it.
        var start = Heap();
        var plain = all.Select(r => new PreparedRecord(Copy(r))).ToArray();
        var plainBytes = Heap() - start;
        GC.KeepAlive(plain);
        plain = null;
        start = Heap();
        var pool = new StringPool();
        var pooled = all.Select(r => new PreparedRecord(Copy(r), pool)).ToArray();
        var pooledBytes = Heap() - start;
        GC.KeepAlive(pooled);
        pooled = null;
        Console.WriteLine($"prepared records: {plainBytes / (double)all.Count:F0} bytes each with their own strings and source, " +
            $"{pooledBytes / (double)all.Count:F0} pooled ({all.Count:N0} records)");
        var before = Heap();
        var sw = Stopwatch.StartNew();
        var index = OnlineIndex.Build(all.Select(Copy).ToList(), model);
        var built = sw.Elapsed.TotalSeconds;
        var after = Heap();
        Console.WriteLine($"indexed {index.Count:N0} records in {built:F1} s: index heap {(after - before) / 1048576.0:F0} MiB, " +
            $"{(after - before) / (double)index.Count:F0} bytes per record; working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MiB");
        GC.KeepAlive(index);
        return 0;
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string? Own(string? s) => s is null ? null : new string(s.AsSpan());

    private static PersonRecord Copy(PersonRecord r) => new(Own(r.Id)!)
    {
        GivenName = Own(r.GivenName),
        FamilyName = Own(r.FamilyName),
        FatherName = Own(r.FatherName),
        Sex = Own(r.Sex),
        BirthDate = r.BirthDate,
        BirthPlace = Own(r.BirthPlace),
        Phone = Own(r.Phone),
        DocumentNumber = Own(r.DocumentNumber),
        Address = Own(r.Address),
        HouseholdId = Own(r.HouseholdId),
    };
}
