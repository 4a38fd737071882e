
namespace Panah.Matching.Tests;

/// <summary>Cannot-link evidence and cluster coherence: a chain A–B–C whose ends contradict is never one cluster.</summary>
public sealed class CannotLinkTests
{
    private static readonly PersonRecord Full = new("a")
    {
        GivenName = "Abdurehim",
        FamilyName = "Tursun",
        FatherName = "Tursun",
        Sex = "m",
        BirthDate = new DateOnly(1984, 6, 17),
        BirthPlace = "Qeshqer",
        Phone = "0532 123 45 67",
        DocumentNumber = "99123456740",
        Address = "Zeytinburnu Gül Sokak No 5",
    };

    /// <summary>The middle of the chain: the same name, phone and address, nothing that could contradict.</summary>
    private static readonly PersonRecord Weak = new("b")
    {
        GivenName = "Абдурехим",
        FamilyName = "Турсун",
        Phone = "+90 532 123 45 67",
        Address = "Zeytinburnu Gül Sokak No 5",
    };

    private static readonly PersonRecord Weak2 = Weak with { Id = "b2", GivenName = "ئابدۇرېھىم", FamilyName = "تۇرسۇن" };

    public static TheoryData<string> Contradictions => ["document", "date", "sex", "household"];

    private static PersonRecord Contradicting(string kind) => kind switch
    {
        "document" => Full with { Id = "c", DocumentNumber = "99876543292" },
        "date" => Full with { Id = "c", BirthDate = new DateOnly(1991, 3, 2), DocumentNumber = null },
        "sex" => Full with { Id = "c", Sex = "f", DocumentNumber = null },
        _ => Full with { Id = "c", GivenName = "Abdurehmet", DocumentNumber = null, HouseholdId = "h1" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void A_chain_through_a_record_without_the_evidence_is_never_one_cluster(string kind)
    {
        var full = kind == "household" ? Full with { HouseholdId = "h1" } : Full;
        // Two weak records in the middle: the mean over the group stays above one half whatever the ends say.
        var records = new List<PersonRecord> { full, Weak, Weak2, Contradicting(kind) };
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run(records, MatchModel.Default);
        Assert.NotEqual(result.ClusterOf[0], result.ClusterOf[3]);
    }

    [Fact]
    public void A_foreigner_id_and_a_later_citizen_id_are_no_conflict()
    {
        var citizen = Full with { Id = "c", DocumentNumber = "12345678950" };
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run([Full, citizen], MatchModel.Default);
        Assert.Equal(result.ClusterOf[0], result.ClusterOf[1]);
    }

    [Fact]
    public void The_same_child_entered_twice_in_one_household_is_one_person()
    {
        var child = Full with { HouseholdId = "h1" };
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run([child, child with { Id = "c", Phone = null }], MatchModel.Default);
        Assert.Equal(result.ClusterOf[0], result.ClusterOf[1]);
    }

    [Fact]
    public void The_same_child_entered_twice_once_without_a_date_is_one_person_by_its_document()
    {
        var child = Full with { HouseholdId = "h1" };
        var undated = child with { Id = "c", BirthDate = null, Phone = null };
        var comparison = Comparer.Compare(new PreparedRecord(child), new PreparedRecord(undated));
        Assert.False(CannotLink.Applies(new PreparedRecord(child), new PreparedRecord(undated), comparison));
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run([child, undated], MatchModel.Default);
        Assert.Equal(result.ClusterOf[0], result.ClusterOf[1]);
    }

    [Fact]
    public void The_same_child_entered_twice_with_the_name_spelt_another_way_is_one_person_by_its_document()
    {
        var child = Full with { HouseholdId = "h1" };
        var a = new PreparedRecord(child);
        var b = new PreparedRecord(child with { Id = "c", FamilyName = "Tursunov" });
        var comparison = Comparer.Compare(a, b);
        Assert.InRange(comparison.Level((int)MatchField.FamilyName), 1, 2);
        Assert.False(CannotLink.Applies(a, b, comparison));
    }

    [Fact]
    public void Twins_with_look_alike_names_in_one_household_stay_two()
    {
        var child = Full with { HouseholdId = "h1", GivenName = "Gülnisa" };
        var a = new PreparedRecord(child);
        var b = new PreparedRecord(child with { Id = "c", GivenName = "Gülzire", DocumentNumber = "99876543292" });
        Assert.True(CannotLink.Applies(a, b, Comparer.Compare(a, b)));
    }

    [Fact]
    public void Two_children_of_one_name_in_one_household_without_a_date_stay_two()
    {
        // Siblings given one name by chance (or twins): another document, or none, and no date to tell them apart.
        var child = Full with { HouseholdId = "h1", BirthDate = null };
        foreach (var other in new[] { child with { Id = "c", DocumentNumber = "99876543292" }, child with { Id = "c", DocumentNumber = null } })
        {
            var a = new PreparedRecord(child);
            var b = new PreparedRecord(other);
            Assert.True(CannotLink.Applies(a, b, Comparer.Compare(a, b)));
        }
    }

    [Fact]
    public void A_chain_whose_ends_cannot_link_is_refused()
    {
        // 0, 1, 2 match strongly, 3 matches 1 and 2 strongly, but 0 and 3 cannot be one person. The mean across
        // {0, 1, 2} and {3} is two thirds.
        double Score(int i, int j) => (Math.Min(i, j), Math.Max(i, j)) == (0, 3) ? double.NegativeInfinity : 20;
        var clusterer = new Clusterer(4, Score, 100);
        Assert.True(clusterer.TryLink(0, 1, out _));
        Assert.True(clusterer.TryLink(1, 2, out _));
        Assert.False(clusterer.TryLink(2, 3, out var refused));
        Assert.True(refused);
        var labels = clusterer.Labels(out _);
        Assert.NotEqual(labels[0], labels[3]);
    }

    [Fact]
    public void A_chain_whose_ends_clearly_differ_is_refused()
    {
        // Four records: 0, 1, 2 agree strongly with each other, 3 matches 2 strongly but 0 clearly not; the
        // mean across {0,1,2} and {3} is above 0.5, yet 0 and 3 are two people.
        double Score(int i, int j) => (Math.Min(i, j), Math.Max(i, j)) == (0, 3) ? -12 : 20;
        var clusterer = new Clusterer(4, Score, 100, floor: -5);
        Assert.True(clusterer.TryLink(0, 1, out _));
        Assert.True(clusterer.TryLink(1, 2, out _));
        Assert.False(clusterer.TryLink(2, 3, out var refused));
        Assert.True(refused);
    }

    [Fact]
    public void Two_numbers_without_a_check_digit_are_no_conflict()
    {
        // FEBRL replaces whole numbers in its duplicates; a number that cannot be checked may be a guess.
        var other = Full with { Id = "c", DocumentNumber = "99876543219" };
        Assert.False(CannotLink.IsValidTurkishIdentityNumber("99876543219"));
        Assert.True(CannotLink.IsValidTurkishIdentityNumber("99876543292"));
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run([Full, other], MatchModel.Default);
        Assert.Equal(result.ClusterOf[0], result.ClusterOf[1]);
    }

    [Theory]
    [InlineData(19840617, 19910302, true)]
    [InlineData(19840617, 19840716, false)]
    [InlineData(19840617, 19850617, false)]
    [InlineData(19840306, 19840603, false)]
    [InlineData(19840101, 19910302, true)]
    [InlineData(19840101, 19860302, false)]
    [InlineData(19840101, 19870101, true)]
    [InlineData(19840617, 19840901, true)]
    [InlineData(19840617, 19860627, false)]
    public void Birth_dates_conflict_only_beyond_the_known_quirks(int a, int b, bool conflict) =>
        Assert.Equal(conflict, CannotLink.DatesConflict(a, b));
}
