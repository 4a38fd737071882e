using CsCheck;

namespace Panah.Matching.Tests;

/// <summary>With the model held fixed, a record that matches nobody changes nobody's cluster.</summary>
public sealed class ClusterStabilityTests
{
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
            // Shares a household, phone or address with the registry now and then: blocking brings it in.
            HouseholdId = at % 3 == 0 ? "h1" : null,
            Phone = at % 4 == 0 ? "05321234567" : null,
        };

    [Fact]
    public void Adding_an_unrelated_record_never_changes_existing_clusters()
    {
        var (records, _) = TestPeople.Registry(120, 5);
        records = records.Select((r, i) => r with { HouseholdId = $"h{i % 40}", Phone = i % 7 == 0 ? "05321234567" : r.Phone }).ToList();
        var model = MatchModel.Default;
        var options = new DedupeOptions { RandomPairs = 1000, MaxDegreeOfParallelism = 1 };
        var before = Partition(new Deduplicator(options).Run(records, model).ClusterOf, records.Count);
        Stranger.Sample(stranger =>
        {
            if (records.Any(r => model.Score(r, stranger) >= 0))
                return true;
            var position = int.Parse(stranger.Id.AsSpan(9), System.Globalization.CultureInfo.InvariantCulture) % (records.Count + 1);
            var grown = new List<PersonRecord>(records);
            grown.Insert(position, stranger);
            var clusters = new Deduplicator(options).Run(grown, model).ClusterOf.Where((_, i) => i != position).ToList();
            return Partition(clusters, records.Count).SequenceEqual(before);
        }, iter: 40);
    }

    /// <summary>For each record, the smallest index of its cluster: equal partitions give equal lists.</summary>
    private static List<int> Partition(IReadOnlyList<int> clusterOf, int count)
    {
        var first = new Dictionary<int, int>();
        var result = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            if (!first.TryGetValue(clusterOf[i], out var f))
                first[clusterOf[i]] = f = i;
            result.Add(f);
        }

        return result;
    }
}
