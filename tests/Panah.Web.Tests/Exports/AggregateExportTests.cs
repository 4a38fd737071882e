using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Panah.Data.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Exports;

/// <summary>
/// <c>/api/v1/aggregates/people</c>: the HXL hashtag row second and valid for every column, no count below the
/// threshold shown, the caller's scope only, audited, and (the canary) never a name, in CSV or XLSX.
/// </summary>
public abstract partial class AggregateExportTests(PanahApp app)
{
    [GeneratedRegex(@"^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$")]
    private static partial Regex Hashtag();

    private static List<string[]> Csv(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(','))];

    private async Task<List<string>> NamesAsync(IEnumerable<SeededHousehold> households)
    {
        var ids = households.SelectMany(h => h.Others.Prepend(h.Head)).ToList();
        await using var scope = FoodSeed.Everything(app, out var db);
        var sealer = scope.ServiceProvider.GetRequiredService<RegistrySealer>();
        var rows = await db.People.AsNoTracking().Include(p => p.Key).Where(p => ids.Contains(p.Id)).ToListAsync();
        return [.. rows.SelectMany(p => { var n = RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p).Name; return new[] { n.Display, n.Given }; }).Where(n => n.Length >= 4)];
    }

    [Fact]
    public async Task The_csv_has_the_hxl_row_second_hides_small_counts_keeps_to_the_scope_and_names_nobody()
    {
        var district = "Agg" + Guid.NewGuid().ToString("N")[..8];
        var seeded = await FoodSeed.HouseholdsAsync(app, 17, ["KAY", "KAY", "IST"], district);
        var names = await NamesAsync(seeded);
        var kay = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]);

        var response = await kay.GetAsync("/api/v1/aggregates/people?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var text = await response.Content.ReadAsStringAsync();
        var rows = Csv(text);
        Assert.Equal(["province", "district", "field_office", "sector", "households", "people"], rows[0][..6]);
        Assert.Equal(rows[0].Length, rows[1].Length);
        Assert.All(rows[1], tag => Assert.Matches(Hashtag(), tag));
        Assert.Equal(rows[1].Length, rows[1].Distinct().Count());
        Assert.Contains("#adm1+name", rows[1]);
        Assert.Contains("#population+ind+f+age_12_17", rows[1]);
        Assert.Contains("#population+ind+m+age_60_", rows[1]);
        Assert.All(rows.Skip(2), r => Assert.All(r[4..], cell => Assert.True(cell == "" || int.Parse(cell) is 0 or >= 5, $"count {cell} shown")));
        // The district's own row: two households of Kayseri (the one in Istanbul is out of scope), each count below 5 hidden.
        var own = rows.Where(r => r[1] == district).ToList();
        Assert.Equal(["Kayseri", district, "KAY", "Protection"], Assert.Single(own)[..4]);
        Assert.Equal("", own[0][4]);
        Assert.DoesNotContain(rows.Skip(2), r => r[2] is "IST" or "SEF");
        Assert.Equal(["Total", "Total", "Total"], rows[^1][..3]);
        Assert.All(names, n => Assert.DoesNotContain(n, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_xlsx_has_the_same_hashtag_row_and_names_nobody()
    {
        var seeded = await FoodSeed.HouseholdsAsync(app, 23, ["IST", "SEF", "KAY"]);
        var names = await NamesAsync(seeded);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);

        var response = await dpo.GetAsync("/api/v1/aggregates/people?format=xlsx");
        var bad = await dpo.GetAsync("/api/v1/aggregates/people?format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = file.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray()).ToList();
        Assert.Equal("province", rows[0][0]);
        Assert.All(rows[1], tag => Assert.Matches(Hashtag(), tag));
        var cells = string.Join("\n", rows.SelectMany(r => r));
        Assert.All(names, n => Assert.DoesNotContain(n, cells, StringComparison.Ordinal));
        Assert.All(rows.Skip(2), r => Assert.All(r[4..], cell => Assert.True(cell == "" || int.Parse(cell) is 0 or >= 5, $"count {cell} shown")));
        await using var scope = FoodSeed.Everything(app, out var db);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "export.aggregate" && e.Detail!.StartsWith("format=xlsx")));
    }
}

public sealed class SqliteAggregateExportTests(SqliteApp app) : AggregateExportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAggregateExportTests(PostgresApp app) : AggregateExportTests(app), IClassFixture<PostgresApp>;
