using CsCheck;

namespace Panah.Matching.Tests;

public sealed class PropertyTests
{
    private static readonly Gen<string> Name = Gen.OneOf<string>(new IGen<string>[]
    {
        Gen.OneOf("Abdurehim", "Tursun", "Muhemmet", "Mehmet", "Ehmetjan", "Gülnar", "Абдурехим", "ئابدۇرېھىم", "阿不都热依木", "Yusuf", "İbrahim"),
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzçşğüöı"], 2, 12],
    });

    private static readonly Gen<PersonRecord> Person =
        from given in Name
        from family in Name
        from father in Name.Null()
        from sex in Gen.OneOf<string?>("m", "f", null)
        from days in Gen.Int[0, 25_000]
        from phone in Gen.String[Gen.Char['0', '9'], 0, 12]
        from document in Gen.String[Gen.Char.AlphaNumeric, 0, 11]
        select new PersonRecord("x")
        {
            GivenName = given,
            FamilyName = family,
            FatherName = father,
            Sex = sex,
            BirthDate = new DateOnly(1940, 1, 1).AddDays(days),
            Phone = phone,
            DocumentNumber = document,
        };

    [Fact]
    public void A_record_always_matches_itself() =>
        Person.Sample(p => MatchModel.Default.Explain(p, p with { Id = "y" }).IsMatch, iter: 300);

    [Fact]
    public void The_score_is_symmetric() =>
        Gen.Select(Person, Person).Sample((a, b) =>
        {
            var ab = MatchModel.Default.Score(a, b with { Id = "y" });
            var ba = MatchModel.Default.Score(b with { Id = "y" }, a);
            return Math.Abs(ab - ba) < 1e-9;
        }, iter: 5_000);

    [Fact]
    public void Jaro_Winkler_is_symmetric() =>
        Gen.Select(Name, Name).Sample((a, b) => JaroWinkler.Similarity(NameKey.Comparable(a), NameKey.Comparable(b)) == JaroWinkler.Similarity(NameKey.Comparable(b), NameKey.Comparable(a)), iter: 5_000);

    [Fact]
    public void Comparable_forms_are_idempotent() =>
        Name.Sample(n => Assert.Equal(NameKey.Comparable(n), NameKey.Comparable(NameKey.Comparable(n))), iter: 500);
}
