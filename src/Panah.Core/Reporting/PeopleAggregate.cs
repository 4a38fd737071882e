using System.Text.RegularExpressions;
using Panah.Core.Registry;

namespace Panah.Core.Reporting;

/// <summary>Where people are counted: the province (HXL admin level 1), the district (level 2) and the field office (its code).</summary>
public sealed record AggregatePlace(string Province, string District, string Office)
{
    /// <summary>The province of a field office named "Province — place" (as Panah names them), else the whole name.</summary>
    public static string ProvinceOf(string officeName) => officeName.Split(" — ", 2)[0].Trim();
}

/// <summary>One group of people counted in the registry: where, sex and age bracket (null when unknown).</summary>
public sealed record PeopleCount(AggregatePlace Place, Sex Sex, AgeGroup? Age, int People);

/// <summary>The households of one place.</summary>
public sealed record HouseholdCount(AggregatePlace Place, int Households);

/// <summary>A column of the standard aggregate table: its header and its HXL hashtag.</summary>
public sealed record AggregateColumn(string Header, string Hashtag);

/// <summary>
/// The standard aggregate table: people by field office and district × sex × UNHCR age bracket, with households and
/// totals, small counts hidden (primary and secondary suppression, <see cref="SuppressedTable"/>), a last row of totals,
/// and an HXL hashtag for every column so the file loads into HDX and HXL Proxy as it is. A hidden count is an empty
/// cell; a 0 is written as 0. People of unknown sex or age are counted in their own column, so every total is the sum
/// of the cells of its line and secondary suppression covers them too.
/// </summary>
public sealed partial class PeopleAggregate
{
    /// <summary>The value of the <c>#sector</c> column: registration of refugees belongs to the protection sector.</summary>
    public const string Sector = "Protection";

    /// <summary>The text of the last row's place columns.</summary>
    public const string TotalLabel = "Total";

    private static readonly (Sex Sex, string Attribute)[] Sexes = [(Sex.Female, "f"), (Sex.Male, "m")];

    private static readonly (AgeGroup Age, string Attribute, string Header)[] Ages =
    [
        (AgeGroup.Under5, "age_0_4", "0-4"),
        (AgeGroup.From5To11, "age_5_11", "5-11"),
        (AgeGroup.From12To17, "age_12_17", "12-17"),
        (AgeGroup.From18To59, "age_18_59", "18-59"),
        (AgeGroup.Over60, "age_60_", "60+"),
    ];

    /// <summary>The columns in order: places, sector, households, people in total, each sex × age bracket, then unknown sex or age.</summary>
    public static readonly IReadOnlyList<AggregateColumn> Columns =
    [
        new("province", "#adm1+name"),
        new("district", "#adm2+name"),
        new("field_office", "#loc+code"),
        new("sector", "#sector"),
        new("households", "#population+hh+total"),
        new("people", "#population+ind+total"),
        .. Sexes.SelectMany(s => Ages.Select(a => new AggregateColumn($"{(s.Sex == Sex.Female ? "female" : "male")}_{a.Header}", $"#population+ind+{s.Attribute}+{a.Attribute}"))),
        new("sex_or_age_unknown", "#population+ind+unknown"),
    ];

    /// <summary>Cells per place row: each sex × age bracket, and unknown.</summary>
    private static readonly int CellColumns = Sexes.Length * Ages.Length + 1;

    public IReadOnlyList<AggregatePlace> Places { get; }
    public SuppressedTable People { get; }
    public SuppressedTable Households { get; }
    public int Threshold { get; }

    private PeopleAggregate(IReadOnlyList<AggregatePlace> places, SuppressedTable people, SuppressedTable households, int threshold)
    {
        Places = places;
        People = people;
        Households = households;
        Threshold = threshold;
    }

    public static PeopleAggregate Build(IEnumerable<PeopleCount> people, IEnumerable<HouseholdCount> households, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var peopleList = people.ToList();
        var householdList = households.ToList();
        var places = peopleList.Select(p => p.Place).Concat(householdList.Select(h => h.Place))
            .Distinct().OrderBy(p => p.Province, StringComparer.Ordinal).ThenBy(p => p.District, StringComparer.Ordinal).ThenBy(p => p.Office, StringComparer.Ordinal).ToList();
        var index = places.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var cells = new int[places.Count, CellColumns];
        foreach (var p in peopleList)
        {
            cells[index[p.Place], CellOf(p.Sex, p.Age)] += p.People;
        }
        var hh = new int[places.Count, 1];
        foreach (var h in householdList)
        {
            hh[index[h.Place], 0] += h.Households;
        }
        return new PeopleAggregate(places, SuppressedTable.Suppress(cells, threshold), SuppressedTable.Suppress(hh, threshold), threshold);
    }

    private static int CellOf(Sex sex, AgeGroup? age)
    {
        var s = Array.FindIndex(Sexes, x => x.Sex == sex);
        var a = age is { } g ? Array.FindIndex(Ages, x => x.Age == g) : -1;
        return s < 0 || a < 0 ? CellColumns - 1 : s * Ages.Length + a;
    }

    /// <summary>The rows under the header and hashtag rows: one per place, then the totals; a hidden count is null.</summary>
    public IEnumerable<AggregateRow> Rows()
    {
        for (var r = 0; r <= Places.Count; r++)
        {
            var total = r == Places.Count;
            var counts = new int?[CellColumns + 2];
            counts[0] = total ? Households.GrandTotal : Households.Cell(r, 0);
            counts[1] = total ? People.GrandTotal : People.RowTotal(r);
            for (var c = 0; c < CellColumns; c++)
            {
                counts[c + 2] = total ? People.ColumnTotal(c) : People.Cell(r, c);
            }
            yield return new AggregateRow(total ? new AggregatePlace(TotalLabel, TotalLabel, TotalLabel) : Places[r], Sector, counts);
        }
    }

    /// <summary>Whether <paramref name="tag"/> is a well-formed HXL hashtag with attributes (lower case, as HXL writes them).</summary>
    public static bool IsHashtag(string tag) => HashtagPattern().IsMatch(tag);

    [GeneratedRegex(@"^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$")]
    private static partial Regex HashtagPattern();
}

/// <summary>One row of the aggregate table: its place, its sector and its counts in column order (households, people, cells).</summary>
public sealed record AggregateRow(AggregatePlace Place, string Sector, IReadOnlyList<int?> Counts)
{
    /// <summary>The row's cells in column order: text for the place and sector, a number or null (hidden) for each count.</summary>
    public IEnumerable<object?> Cells() => new object?[] { Place.Province, Place.District, Place.Office, Sector }.Concat(Counts.Select(c => (object?)c));
}
