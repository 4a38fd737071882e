
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
}
