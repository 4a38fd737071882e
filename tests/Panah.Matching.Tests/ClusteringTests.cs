
namespace Panah.Matching.Tests;

public sealed class ClusteringTests
{
    [Fact]
    public void A_weak_link_does_not_chain_two_groups()
    {
        // 0-1 and 2-3 are strong pairs; 1-2 is a single link just above the threshold; the others are clear non-matches.
        double Score(int i, int j) => (Math.Min(i, j), Math.Max(i, j)) switch
        {
            (0, 1) or (2, 3) => 20,
            (1, 2) => 1,
            _ => -20,
        };

        var clusterer = new Clusterer(4, Score, 100);
        Assert.True(clusterer.TryLink(0, 1, out _));
        Assert.True(clusterer.TryLink(2, 3, out _));
        Assert.False(clusterer.TryLink(1, 2, out var refused));
        Assert.True(refused);
        var labels = clusterer.Labels(out var count);
        Assert.Equal(2, count);
        Assert.Equal(labels[0], labels[1]);
        Assert.NotEqual(labels[1], labels[2]);
    }

    [Fact]
    public void A_record_matching_the_whole_group_joins_it()
    {
        double Score(int i, int j) => 10;
        var clusterer = new Clusterer(3, Score, 100);
        Assert.True(clusterer.TryLink(0, 1, out _));
        Assert.True(clusterer.TryLink(1, 2, out _));
        clusterer.Labels(out var count);
        Assert.Equal(1, count);
    }

    [Fact]
    public void A_chain_of_lookalikes_is_refused_in_a_real_run()
    {
        // Three different men: each shares the family, father and birth year with the next, and the first and
        // last look nothing alike. No link should put all three together.
        PersonRecord Man(string id, string given, int month) => new(id)
        {
            GivenName = given,
            FamilyName = "Tursun",
            FatherName = "Tursun",
            Sex = "m",
            BirthDate = new DateOnly(1980, month, 10),
        };

        var records = new List<PersonRecord> { Man("1", "Ehmet", 3), Man("2", "Ehmetjan", 4), Man("3", "Muhemmet", 5) };
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run(records, MatchModel.Default);
        Assert.NotEqual(result.ClusterOf[0], result.ClusterOf[2]);
    }

    [Fact]
    public void Every_record_gets_a_cluster_label()
    {
        var (records, _) = TestPeople.Registry(50, 3);
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 5000 }).Run(records);
        var labels = result.ClusterLabels();
        Assert.Equal(records.Count, labels.Length);
        Assert.All(labels, l => Assert.False(string.IsNullOrEmpty(l)));
        Assert.All(result.Duplicates(), g => Assert.True(g.Count > 1));
    }

    [Fact]
    public void A_registry_where_no_two_records_share_a_block_or_none_at_all_runs_and_finds_nobody()
    {
        PersonRecord[] strangers =
        [
            new("1") { GivenName = "Abdurehim", FamilyName = "Tursun", BirthDate = new DateOnly(1984, 3, 2) },
            new("2") { GivenName = "Gulnar", FamilyName = "Memet", BirthDate = new DateOnly(1990, 5, 5) },
        ];
        var result = new Deduplicator().Run(strangers, MatchModel.Default);
        Assert.Equal(2, result.ClusterCount);
        Assert.Empty(result.ReviewQueue);
        Assert.Equal(0, new Deduplicator().Run([], MatchModel.Default).ClusterCount);
    }
}
