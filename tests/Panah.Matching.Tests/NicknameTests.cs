namespace Panah.Matching.Tests;

/// <summary>English given names and their nicknames (issue 9, item 5b), from the embedded carltonnorthern/nicknames list.</summary>
public sealed class NicknameTests
{
    private static int GivenLevel(string a, string b) =>
        Comparer.Compare(new PreparedRecord(new PersonRecord("a") { GivenName = a, FamilyName = "Smith" }),
            new PreparedRecord(new PersonRecord("b") { GivenName = b, FamilyName = "Smith" })).Level((int)MatchField.GivenName);

    [Theory]
    [InlineData("William", "Bill")]
    [InlineData("Bill", "William")]
    [InlineData("Robert", "Bob")]
    [InlineData("Elizabeth", "Betty")]
    [InlineData("Margaret", "Peggy")]
    [InlineData("Liz", "Betty")]
    [InlineData("BILL", "william")]
    public void A_name_and_its_nickname_are_similar(string a, string b) => Assert.Equal(1, GivenLevel(a, b));

    [Theory]
    [InlineData("William", "Robert")]
    [InlineData("Bill", "Bob")]
    [InlineData("Muhemmet", "Tursun")]
    public void Unrelated_names_stay_different(string a, string b) => Assert.Equal(3, GivenLevel(a, b));

    [Fact]
    public void Common_uyghur_names_gain_no_alike_pairs_from_the_english_list()
    {
        string[] names = ["Muhemmet", "Abdurehim", "Gülnar", "Meryem", "Ehmet", "Eli", "Adil", "Tursun", "Hesen", "Aygül", "Patime", "Ali"];
        foreach (var a in names)
        {
            foreach (var b in names.Where(b => NameKey.Comparable(b) != NameKey.Comparable(a)))
                Assert.False(Nicknames.Alike(Nicknames.Of(NameKey.Comparable(a)), Nicknames.Of(NameKey.Comparable(b))), $"{a} and {b}");
        }
    }

    [Fact]
    public void A_nickname_with_the_rest_agreeing_is_one_person()
    {
        var a = new PersonRecord("a") { GivenName = "William", FamilyName = "Harris", Sex = "m", BirthDate = new DateOnly(1971, 4, 12), BirthPlace = "Leeds", Address = "12 Mill Lane Leeds" };
        var b = a with { Id = "b", GivenName = "Bill" };
        Assert.True(MatchModel.Default.Score(a, b) > 0);
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 1000 }).Run([a, b], MatchModel.Default);
        Assert.Equal(result.ClusterOf[0], result.ClusterOf[1]);
    }
}
