namespace Panah.Matching.Tests;

public sealed class BlockingTests
{
    [Fact]
    public void A_huge_block_is_compared_by_sorted_neighbourhood_not_all_to_all()
    {
        // 2,000 namesakes born on the same placeholder date: all-to-all would be ~2 million pairs.
        var records = Enumerable.Range(0, 2000)
            .Select(i => new PersonRecord($"m{i}") { GivenName = "Muhemmet", FamilyName = "Abdulla", BirthDate = new DateOnly(1980, 1, 1), Address = $"Zeytinburnu No {i}" })
            .Select(r => new PreparedRecord(r))
            .ToList();
        var options = new DedupeOptions { MaxBlockSize = 300, LargeBlockWindow = 10 };
        var pairs = CandidatePairs.Generate(records, options, out var statistics);
        Assert.True(statistics.OversizedBlocks >= 1);
        Assert.True(pairs.Length <= 2000 * 10 * BlockingKeys.RuleCount, $"{pairs.Length} pairs");
        Assert.Equal(pairs.Length, pairs.Distinct().Count());
    }

    [Fact]
    public void A_script_change_still_shares_a_block()
    {
        var a = new PreparedRecord(new PersonRecord("a") { GivenName = "Abdurehim", FamilyName = "Tursun", BirthDate = new DateOnly(1984, 6, 17) });
        var b = new PreparedRecord(new PersonRecord("b") { GivenName = "阿不都热依木·吐尔逊", BirthDate = new DateOnly(1984, 1, 1) });
        var pairs = CandidatePairs.Generate([a, b], DedupeOptions.Default, out _);
        Assert.Single(pairs);
    }

    [Fact]
    public void The_same_input_gives_the_same_clusters()
    {
        var (records, _) = TestPeople.Registry(300, 5);
        var options = new DedupeOptions { RandomPairs = 20_000 };
        var first = new Deduplicator(options).Run(records).ClusterLabels();
        var second = new Deduplicator(options).Run(records).ClusterLabels();
        Assert.Equal(first, second);
    }
}
