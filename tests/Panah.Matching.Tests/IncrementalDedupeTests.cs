using CsCheck;

namespace Panah.Matching.Tests;

/// <summary>Incremental runs: only changed records are compared, against the whole index, with the index's model.</summary>
public sealed class IncrementalDedupeTests
{
    private static readonly DedupeOptions Options = new() { MaxDegreeOfParallelism = 1, ReviewBudget = 1 };

    private static readonly Gen<PersonRecord> Stranger =
        from given in Gen.String[Gen.Char["bdfgklmnprstvz"], 5, 9]
        from family in Gen.String[Gen.Char["bdfgklmnprstvz"], 5, 9]
        from sex in Gen.OneOf<string?>("m", "f", null)
        from days in Gen.Int[-3_000, 25_000]
        from at in Gen.Int[0, 1000]
        select new PersonRecord($"stranger-{at}")
        {
            GivenName = given,
            FamilyName = family,
            Sex = sex,
            BirthDate = days >= 0 ? new DateOnly(1940, 1, 1).AddDays(days) : null,
            // Shares a phone with the registry now and then: blocking brings it in, the score must keep it out.
            Phone = at % 4 == 0 ? "05321234567" : null,
        };

    private static string Key(ScoredPair p) => $"{p.IdA}|{p.IdB}|{p.Score:R}|{p.Reason}";

    [Fact]
    public void Adding_an_unrelated_record_with_the_model_fixed_never_changes_what_existing_records_pair_with()
    {
        var (records, _) = TestPeople.Registry(120, 11);
        records = records.Select((r, i) => r with { Phone = i % 7 == 0 ? "05321234567" : r.Phone }).ToList();
        var model = MatchModel.Default;
        var changed = records.Where((_, i) => i % 3 == 0).ToList();
        var before = IncrementalDedupe.Run(OnlineIndex.Build(records, model), changed, options: Options).Pairs.Select(Key).ToList();
        Assert.NotEmpty(before);
        Stranger.Sample(stranger =>
        {
            if (records.Any(r => model.Score(r, stranger) >= Options.ReviewThreshold))
                return true;
            var index = OnlineIndex.Build(records, model);
            index.AddOrUpdate(stranger);
            var alone = IncrementalDedupe.Run(index, [stranger], options: Options);
            var after = IncrementalDedupe.Run(index, [.. changed, stranger], options: Options).Pairs.Select(Key).ToList();
            return alone.Pairs.Count == 0 && alone.Compared == 1 && after.SequenceEqual(before);
        }, iter: 40);
    }

    [Fact]
    public void A_new_registration_of_an_indexed_person_is_paired_with_them_and_only_changed_records_are_probes()
    {
        var index = OnlineIndex.Build(
        [
            new PersonRecord("a.0") { GivenName = "Abdurehim", FamilyName = "Tursun", Sex = "m", BirthDate = new DateOnly(1984, 3, 2), Phone = "0532 765 43 21" },
            // The same registration spelt in Arabic script: one entity, never paired with itself.
            new PersonRecord("a.1") { GivenName = "ئابدۇرېھىم", FamilyName = "تۇرسۇن", Sex = "m", BirthDate = new DateOnly(1984, 3, 2), Phone = "0532 765 43 21" },
            // Two old registrations of one other person: a pair of unchanged records, which an incremental run never looks at.
            new PersonRecord("b.0") { GivenName = "Gulnar", FamilyName = "Memet", Sex = "f", BirthDate = new DateOnly(1990, 5, 5), Phone = "0533 111 22 33" },
            new PersonRecord("c.0") { GivenName = "Gülnar", FamilyName = "Mehmet", Sex = "f", BirthDate = new DateOnly(1990, 5, 5), Phone = "0533 111 22 33" },
        ], MatchModel.Default);
        var again = new PersonRecord("n.0") { GivenName = "Абдурехим", FamilyName = "Турсун", Sex = "m", BirthDate = new DateOnly(1984, 3, 2), Phone = "+90 532 765 4321" };
        index.AddOrUpdate(again);

        var result = IncrementalDedupe.Run(index, [again], id => id[..id.IndexOf('.', StringComparison.Ordinal)], Options);

        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("a", "n"), (pair.IdA[..1], pair.IdB[..1]));
        Assert.Null(pair.Reason);
        Assert.True(pair.Probability > 0.5);
        Assert.Equal(1, result.Compared);
    }

    [Fact]
    public void A_model_saved_without_its_frequencies_keeps_its_parameters_and_holds_no_names()
    {
        var (records, _) = TestPeople.Registry(3000, 3);
        var model = MatchModelTrainer.Train(records, new DedupeOptions { RandomPairs = 20_000, TrainingPairs = 20_000 });
        using var stream = new MemoryStream();
        model.SaveParameters(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain(NameKey.Comparable(records.First(r => r.GivenName is { Length: > 3 }).GivenName), text, StringComparison.Ordinal);
        stream.Position = 0;
        var loaded = MatchModel.Load(stream);
        Assert.True(loaded.NeedsFrequencies);
        Assert.Equal(model.Prior, loaded.Prior);

        // Indexed, it counts the frequencies over the records as the trainer did: the same scores.
        var index = OnlineIndex.Build(records, loaded);
        Assert.False(index.Model.NeedsFrequencies);
        var hit = index.Query(records[1] with { Id = "probe" }, 1)[0];
        Assert.Equal(model.Score(records[1], records.Single(r => r.Id == hit.Id)), hit.Score, 9);
    }
}
