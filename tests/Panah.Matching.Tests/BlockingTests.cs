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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_undated_record_in_a_huge_name_block_meets_its_duplicate_at_the_same_address(bool fatherMissingOnTheUndatedSide)
    {
        // 2,000 namesakes of every generation, each with a father's name and an address of their own; one of them
        // came back without a birth date, and one of its two records has no father's name. Only the address (and
        // the father's name, where both have it) says they are one: one sort order over father's name, phone and
        // address put the record without a father's name at the far end of the block.
        var fathers = new[] { "Abdulla", "Tursun", "Ahmet", "Yusup", "Hesen", "Qadir", "Memet", "Rozi" };
        var records = Enumerable.Range(0, 2000)
            .Select(i => new PersonRecord($"m{i}")
            {
                GivenName = "Muhemmet",
                FamilyName = "Abdulla",
                FatherName = fathers[i % fathers.Length],
                BirthDate = new DateOnly(1950 + (i % 60), 1 + (i % 12), 1 + (i % 28)),
                Address = $"Zeytinburnu Gül Sokak No {i}",
            })
            .ToList();
        var dated = records[1234] with { FatherName = fatherMissingOnTheUndatedSide ? "Yusup" : null };
        records[1234] = dated;
        records.Add(dated with { Id = "undated", BirthDate = null, FatherName = fatherMissingOnTheUndatedSide ? null : "Yusup" });
        var prepared = records.Select(r => new PreparedRecord(r)).ToList();
        var pairs = CandidatePairs.Generate(prepared, new DedupeOptions { MaxBlockSize = 300, LargeBlockWindow = 10 }, out _);
        Assert.Contains(CandidatePairs.Pack(1234, records.Count - 1), pairs);
        // Still a window, not the whole block, for the undated record.
        Assert.True(pairs.Count(p => CandidatePairs.Unpack(p).J == records.Count - 1) <= 4 * 10, "the undated record was paired with the whole block");
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
