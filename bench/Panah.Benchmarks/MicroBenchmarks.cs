using BenchmarkDotNet.Attributes;
using Panah.Benchmarks.Synthetic;
using Panah.Matching;

namespace Panah.Benchmarks;

/// <summary>Normalisation of names in each script (dotnet run -c Release --project bench/Panah.Benchmarks -- --filter *Normalisation*).</summary>
[MemoryDiagnoser]
public class NormalisationBenchmarks
{
    [Params("Abdurrahim Tursun", "ئابدۇرېھىم تۇرسۇن", "Абдурехим Турсун", "阿不都热依木·吐尔逊")]
    public string Name { get; set; } = string.Empty;

    [Benchmark]
    public string Comparable() => NameKey.Comparable(Name);
}

/// <summary>One pair comparison and scoring, the inner loop of deduplication.</summary>
[MemoryDiagnoser]
public class PairBenchmarks
{
    private readonly PersonRecord _a = new("a") { GivenName = "Abdurehim", FamilyName = "Tursun", FatherName = "Tursun", Sex = "m", BirthDate = new DateOnly(1984, 6, 17), Phone = "0532 123 45 67", Address = "Zeytinburnu Gül Sokak No 5" };
    private readonly PersonRecord _b = new("b") { GivenName = "Абдурехим", FamilyName = "Турсун", Sex = "m", BirthDate = new DateOnly(1984, 1, 1), Phone = "+90 532 123 45 67", Address = "Zeytinburnu Gul Sk. 5" };
    private PreparedRecord _pa = null!;
    private PreparedRecord _pb = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pa = MatchModel.Default.Prepare(_a);
        _pb = MatchModel.Default.Prepare(_b);
    }

    [Benchmark]
    public double CompareAndScore() => MatchModel.Default.Score(_pa, _pb, Comparer.Compare(_pa, _pb));

    [Benchmark]
    public PairExplanation Explain() => MatchModel.Default.Explain(_a, _b);
}

/// <summary>Whole deduplication runs at several sizes.</summary>
public class DedupeBenchmarks
{
    private List<PersonRecord> _records = [];

    [Params(10_000, 100_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => _records = SyntheticRegistry.Generate(Size, 42).Records;

    [Benchmark]
    public int Deduplicate() => new Deduplicator().Run(_records).ClusterCount;
}
