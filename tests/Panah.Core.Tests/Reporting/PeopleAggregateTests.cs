using Panah.Core.Registry;
using Panah.Core.Reporting;

namespace Panah.Core.Tests.Reporting;

public sealed class PeopleAggregateTests
{
    private static readonly AggregatePlace Zeytinburnu = new("Istanbul", "Zeytinburnu", "IST");
    private static readonly AggregatePlace Kocasinan = new("Kayseri", "Kocasinan", "KAY");
    private static readonly AggregatePlace Melikgazi = new("Kayseri", "Melikgazi", "KAY");

    [Fact]
    public void Every_column_has_a_valid_distinct_hxl_hashtag()
    {
        Assert.All(PeopleAggregate.Columns, c => Assert.True(PeopleAggregate.IsHashtag(c.Hashtag), c.Hashtag));
        Assert.Equal(PeopleAggregate.Columns.Count, PeopleAggregate.Columns.Select(c => c.Hashtag).Distinct().Count());
        Assert.Equal(["#adm1+name", "#adm2+name", "#loc+code", "#sector", "#population+hh+total", "#population+ind+total", "#population+ind+f+age_0_4"],
            PeopleAggregate.Columns.Take(7).Select(c => c.Hashtag));
        Assert.Contains(PeopleAggregate.Columns, c => c.Hashtag == "#population+ind+m+age_60_");
        Assert.False(PeopleAggregate.IsHashtag("#Population"));
        Assert.False(PeopleAggregate.IsHashtag("population+f"));
        Assert.False(PeopleAggregate.IsHashtag("#population+"));
    }

    [Fact]
    public void A_small_cell_is_hidden_with_a_second_cell_in_its_row_and_its_column_so_totals_do_not_give_it_away()
    {
        var table = PeopleAggregate.Build(
        [
            new(Zeytinburnu, Sex.Female, AgeGroup.From12To17, 3),
            new(Zeytinburnu, Sex.Female, AgeGroup.From18To59, 40),
            new(Zeytinburnu, Sex.Male, AgeGroup.From18To59, 30),
            new(Kocasinan, Sex.Female, AgeGroup.From12To17, 12),
            new(Kocasinan, Sex.Male, AgeGroup.From18To59, 25),
            new(Kocasinan, Sex.Female, AgeGroup.From18To59, 20),
        ], [new(Zeytinburnu, 20), new(Kocasinan, 15)], threshold: 5);
        var rows = table.Rows().ToList();

        Assert.Equal(3, rows.Count);
        var ist = rows.Single(r => r.Place == Zeytinburnu).Counts;
        Assert.Null(ist[2 + 2]);
        // Secondary: the row holds another hidden entry, and so does the column "female 12-17".
        Assert.True(ist.Count(c => c is null) >= 2);
        var column = rows.Select(r => r.Counts[2 + 2]).ToList();
        Assert.True(column.Count(c => c is null) >= 2);
        AssertNoLoneHiddenEntry(table);
    }

    [Fact]
    public void Unknown_sex_or_age_is_its_own_column_and_every_total_is_the_sum_of_its_line()
    {
        var table = PeopleAggregate.Build(
        [
            new(Melikgazi, Sex.Unknown, AgeGroup.From18To59, 6),
            new(Melikgazi, Sex.Female, null, 7),
            new(Melikgazi, Sex.Male, AgeGroup.Under5, 9),
        ], [new(Melikgazi, 8)], threshold: 5);
        var row = table.Rows().First().Counts;

        Assert.Equal(8, row[0]);
        Assert.Equal(22, row[1]);
        Assert.Equal(13, row[^1]);
        Assert.Equal(9, row[2 + 5]);
        Assert.Equal("Kayseri", AggregatePlace.ProvinceOf("Kayseri — Kocasinan"));
        Assert.Equal("Istanbul", AggregatePlace.ProvinceOf("Istanbul — Zeytinburnu"));
    }

    [Fact]
    public void The_threshold_is_the_callers()
    {
        List<PeopleCount> people = [new(Zeytinburnu, Sex.Female, AgeGroup.Over60, 7), new(Zeytinburnu, Sex.Male, AgeGroup.Over60, 30), new(Kocasinan, Sex.Female, AgeGroup.Over60, 30), new(Kocasinan, Sex.Male, AgeGroup.Over60, 30)];

        Assert.Equal(7, PeopleAggregate.Build(people, [], 5).Rows().Single(r => r.Place == Zeytinburnu).Counts[2 + 4]);
        Assert.Null(PeopleAggregate.Build(people, [], 10).Rows().Single(r => r.Place == Zeytinburnu).Counts[2 + 4]);
    }

    /// <summary>No row or column of the people table (with its total) has exactly one hidden entry.</summary>
    private static void AssertNoLoneHiddenEntry(PeopleAggregate table)
    {
        var t = table.People;
        for (var r = 0; r <= t.Rows; r++)
        {
            var line = Enumerable.Range(0, t.Columns).Select(c => r < t.Rows ? t.Cell(r, c) : t.ColumnTotal(c)).Append(r < t.Rows ? t.RowTotal(r) : t.GrandTotal);
            Assert.NotEqual(1, line.Count(v => v is null));
        }
        for (var c = 0; c <= t.Columns; c++)
        {
            var line = Enumerable.Range(0, t.Rows).Select(r => c < t.Columns ? t.Cell(r, c) : t.RowTotal(r)).Append(c < t.Columns ? t.ColumnTotal(c) : t.GrandTotal);
            Assert.NotEqual(1, line.Count(v => v is null));
        }
    }
}
