
namespace Panah.Matching.Tests;

public sealed class OnlineIndexTests
{
    private static PersonRecord P(string id, string given, string family, int year) =>
        new(id) { GivenName = given, FamilyName = family, Sex = "m", BirthDate = new DateOnly(year, 1, 1), Phone = "0532 111 22 " + year % 100 };

    [Fact]
    public void Finds_the_same_person_in_another_script_and_explains_it()
    {
        var index = OnlineIndex.Build([P("1", "Abdurehim", "Tursun", 1984), P("2", "Gülnar", "Ehmet", 1990), P("3", "Yusup", "Tohti", 1984)], MatchModel.Default);
        var hits = index.Query(P("new", "Абдурехим", "Турсун", 1984), top: 5);
        Assert.Equal("1", hits[0].Id);
        Assert.True(hits[0].Probability > 0.5);
        Assert.Equal(hits[0].Score, hits[0].Explanation.Score, 9);
        Assert.DoesNotContain(hits, h => h.Id == "2");
    }

    [Fact]
    public void Update_and_remove()
    {
        var index = new OnlineIndex(MatchModel.Default);
        index.AddOrUpdate(P("1", "Abdurehim", "Tursun", 1984));
        index.AddOrUpdate(P("2", "Abdurehim", "Tursun", 1984));
        Assert.Equal(2, index.Count);
        index.AddOrUpdate(P("2", "Gülnar", "Ehmet", 1990));
        Assert.Equal(2, index.Count);
        Assert.Single(index.Query(P("q", "Abdurrahim", "Tursun", 1984)));
        Assert.True(index.Remove("1"));
        Assert.False(index.Remove("1"));
        Assert.Empty(index.Query(P("q", "Abdurrahim", "Tursun", 1984)));
        Assert.Equal("2", index.Query(P("q", "Gulnar", "Ahmet", 1990))[0].Id);
    }

    [Fact]
    public void The_probe_does_not_find_itself()
    {
        var index = OnlineIndex.Build([P("1", "Abdurehim", "Tursun", 1984)], MatchModel.Default);
        Assert.Empty(index.Query(P("1", "Abdurehim", "Tursun", 1984)));
    }

    [Fact]
    public async Task Reads_run_in_parallel_with_writes()
    {
        var index = new OnlineIndex(MatchModel.Default);
        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
                index.AddOrUpdate(P($"w{i}", "Ehmet", "Tursun", 1950 + i % 50));
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
                index.Query(P("q", "Ahmet", "Tursun", 1950 + i % 50));
        }));
        await Task.WhenAll(readers.Append(writer));
        Assert.Equal(2000, index.Count);
    }

    public static TheoryData<string> Contradictions => ["document", "date", "sex", "household"];

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void A_record_that_cannot_be_the_probe_is_not_proposed(string kind)
    {
        var indexed = new PersonRecord("1")
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
            HouseholdId = "h1",
        };
        var probe = kind switch
        {
            "document" => indexed with { Id = "new", DocumentNumber = "99876543292" },
            "date" => indexed with { Id = "new", BirthDate = new DateOnly(1991, 3, 2), DocumentNumber = null },
            "sex" => indexed with { Id = "new", Sex = "f", DocumentNumber = null },
            _ => indexed with { Id = "new", GivenName = "Abdurehmet", DocumentNumber = null },
        };
        var index = OnlineIndex.Build([indexed], MatchModel.Default);
        // Names, phone and address agree: scored alone, the pair is a match; the contradiction rules it out.
        Assert.True(MatchModel.Default.Score(indexed, probe) > 0);
        var hits = index.Query(probe, minimumProbability: 0.000001);
        Assert.DoesNotContain(hits, h => h.Id == "1");
    }
}
