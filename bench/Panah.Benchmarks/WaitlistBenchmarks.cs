using BenchmarkDotNet.Attributes;
using Panah.Core.Education;

namespace Panah.Benchmarks;

/// <summary>
/// Re-ranking a section's waitlist, which every offer does (dotnet run -c Release --project bench/Panah.Benchmarks --
/// --filter *Waitlist*): scores with their parts, the sort, and the search for the first applicant a seat suits.
/// </summary>
[MemoryDiagnoser]
public class WaitlistBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly PriorityWeights weights = new();
    private WaitlistApplicant[] applicants = [];

    [Params(10_000)]
    public int Applicants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(10);
        applicants = [.. Enumerable.Range(0, Applicants).Select(i =>
        {
            var woman = random.NextDouble() < 0.6;
            return new WaitlistApplicant(
                Guid.CreateVersion7(), woman,
                new PriorityInputs(random.NextDouble() < 0.3, random.NextDouble() < 0.3, woman && random.NextDouble() < 0.2, random.NextDouble() < 0.1, Now.AddDays(-random.Next(0, 400))),
                new WaitlistPreferences(1 + random.Next(3), random.NextDouble() < 0.5 ? null : (TimeOfDay)(1 + random.Next(3)), woman && random.NextDouble() < 0.3, woman ? random.Next(0, 3) : 0));
        })];
    }

    [Benchmark]
    public WaitlistPlace? RankAndOffer()
    {
        var ranked = WaitlistRanking.Rank(applicants, weights, Now);
        return WaitlistRanking.NextFor(ranked, new WaitlistSeat(2, TimeOfDay.Evening, WomenOnly: true, FreeCrechePlaces: 0));
    }
}
