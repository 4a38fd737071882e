
namespace Panah.Matching.Tests;

public sealed class ScoringTests
{
    private static readonly PersonRecord Abdurehim = new("a")
    {
        GivenName = "Abdurehim",
        FamilyName = "Tursun",
        FatherName = "Tursun",
        Sex = "m",
        BirthDate = new DateOnly(1984, 6, 17),
        BirthPlace = "Qeshqer",
        Phone = "0532 123 45 67",
        DocumentNumber = "99123456780",
    };

    [Fact]
    public void Em_converges_and_separates_matches_from_non_matches()
    {
        var (records, _) = TestPeople.Registry(400, 7);
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 50_000 }).Run(records);
        Assert.InRange(result.EmIterations, 1, 199);
        foreach (var field in result.Model.Fields.Where(f => f.Field is MatchField.GivenName or MatchField.BirthDate or MatchField.Phone))
        {
            var exact = field.Levels[0];
            var different = field.Levels[^1];
            Assert.True(exact.M > exact.U, $"{field.Field}: m {exact.M} should exceed u {exact.U} when exact");
            Assert.True(different.M < different.U, $"{field.Field}: m {different.M} should be below u {different.U} when different");
        }
    }

    [Fact]
    public void Deduplication_finds_the_planted_duplicates()
    {
        var (records, person) = TestPeople.Registry(400, 11);
        var result = new Deduplicator(new DedupeOptions { RandomPairs = 50_000 }).Run(records);
        long tp = 0, predicted = 0, truth = 0;
        for (var i = 0; i < records.Count; i++)
        {
            for (var j = i + 1; j < records.Count; j++)
            {
                var same = person[i] == person[j];
                var linked = result.ClusterOf[i] == result.ClusterOf[j];
                tp += same && linked ? 1 : 0;
                predicted += linked ? 1 : 0;
                truth += same ? 1 : 0;
            }
        }

        Assert.True(tp >= 0.9 * truth, $"recall {tp}/{truth}");
        Assert.True(tp >= 0.95 * predicted, $"precision {tp}/{predicted}");
    }

    [Fact]
    public void Contributions_sum_to_the_score()
    {
        var other = Abdurehim with { Id = "b", GivenName = "Абдурехим", Phone = "+90 532 123 45 68", BirthDate = new DateOnly(1984, 1, 1), Address = "Zeytinburnu" };
        var e = MatchModel.Default.Explain(Abdurehim, other);
        Assert.Equal(e.Score, e.PriorWeight + e.Contributions.Sum(c => c.Weight), 9);
        Assert.Equal(MatchModel.Default.Score(Abdurehim, other), e.Score, 9);
        Assert.Equal(9, e.Contributions.Count);
        Assert.Equal("missing", e.Contributions.Single(c => c.Field == MatchField.Address).Level);
        Assert.Equal(0, e.Contributions.Single(c => c.Field == MatchField.Address).Weight);
        Assert.Equal("same year, one side 1 January", e.Contributions.Single(c => c.Field == MatchField.BirthDate).Level);
        Assert.Equal("one digit off", e.Contributions.Single(c => c.Field == MatchField.Phone).Level);
        Assert.True(e.IsMatch);
    }

    [Fact]
    public void A_crosswise_pair_scores_the_same_in_either_order()
    {
        // The pair CsCheck found (seed fWBh6Nh2br_2): names crosswise, the father's name equal to the first
        // record's family name but to the second record's given name.
        var a = new PersonRecord("a")
        {
            GivenName = "Muhemmet", FamilyName = "Abdurehim", FatherName = "Abdurehim", Sex = "m",
            BirthDate = new DateOnly(1972, 5, 9), Phone = "7", DocumentNumber = "rDdd8JtpHu",
        };
        var b = new PersonRecord("b")
        {
            GivenName = "Абдурехим", FamilyName = "Mehmet", FatherName = "Abdurehim", Sex = "f",
            BirthDate = new DateOnly(1997, 1, 19), Phone = "150389378", DocumentNumber = "j8Ggt4AOLx",
        };
        var ab = MatchModel.Default.Explain(a, b);
        var ba = MatchModel.Default.Explain(b, a);
        Assert.True(ab.NamesSwapped);
        Assert.Equal(ab.Score, ba.Score, 9);
        Assert.Equal("not counted: same as the family name", ab.Contributions.Single(c => c.Field == MatchField.FatherName).Level);
        Assert.Equal("not counted: same as the family name", ba.Contributions.Single(c => c.Field == MatchField.FatherName).Level);
    }

    [Fact]
    public void A_different_person_with_the_same_family_does_not_match()
    {
        var sibling = Abdurehim with { Id = "s", GivenName = "Gülnar", Sex = "f", BirthDate = new DateOnly(1988, 2, 3), DocumentNumber = "99876543210" };
        Assert.False(MatchModel.Default.Explain(Abdurehim, sibling).IsMatch);
    }

    [Fact]
    public void Agreement_on_a_common_name_weighs_less_than_on_a_rare_one()
    {
        var records = new List<PersonRecord>();
        for (var i = 0; i < 200; i++)
            records.Add(new PersonRecord($"c{i}") { GivenName = "Muhemmet", FamilyName = $"X{i}", BirthDate = new DateOnly(1960 + i % 40, 1 + i % 12, 1 + i % 28) });
        records.Add(new PersonRecord("r1") { GivenName = "Buhelchem", FamilyName = "Y", BirthDate = new DateOnly(1990, 5, 5) });
        var model = MatchModelTrainer.Train(records, new DedupeOptions { RandomPairs = 10_000 });
        var common = model.Explain(records[0], records[1]).Contributions[0];
        var rare = model.Explain(records[^1], records[^1] with { Id = "r2" }).Contributions[0];
        Assert.Equal("exact", common.Level);
        Assert.Equal("exact", rare.Level);
        Assert.True(common.TermFrequencyAdjustment < 0, $"common {common.TermFrequencyAdjustment}");
        Assert.True(rare.TermFrequencyAdjustment > 0, $"rare {rare.TermFrequencyAdjustment}");
        Assert.True(rare.Weight > common.Weight);
    }

    [Fact]
    public void All_forms_of_Abdurehim_Tursun_match()
    {
        string[][] forms =
        [
            ["Abdurrahim", "Tursun"], ["ئابدۇرېھىم", "تۇرسۇن"], ["Абдурехим", "Турсун"], ["Abudureyimu", "Tuerxun"], ["阿不都热依木·吐尔逊", ""], ["Tursun", "Abdurehim"],
        ];
        var i = 0;
        foreach (var f in forms)
        {
            var other = new PersonRecord($"f{i++}") { GivenName = f[0], FamilyName = f[1], BirthDate = new DateOnly(1984, 1, 1), Phone = "+905321234567" };
            var e = MatchModel.Default.Explain(Abdurehim, other);
            Assert.True(e.IsMatch, $"{f[0]} {f[1]}: {e.Score}");
        }
    }

    [Fact]
    public void A_saved_model_loads_and_scores_the_same()
    {
        var (records, _) = TestPeople.Registry(200, 9);
        var model = MatchModelTrainer.Train(records, new DedupeOptions { RandomPairs = 20_000 });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = MatchModel.Load(stream);
        Assert.Equal(model.Prior, loaded.Prior);
        for (var i = 0; i + 1 < records.Count; i += 7)
            Assert.Equal(model.Score(records[i], records[i + 1]), loaded.Score(records[i], records[i + 1]), 12);
    }

    [Fact]
    public void Loading_something_else_fails_clearly()
    {
        using var stream = new MemoryStream("{\"version\": 99}"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => MatchModel.Load(stream));
    }
}
