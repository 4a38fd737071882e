using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Planning;

/// <summary>Stored scenarios through HTTP: create, read, change (409 on a stale version), remove, compare, and the XLSX and PDF exports.</summary>
public abstract class ScenariosTests(PanahApp app)
{
    private static object Body(string name, long? version = null, double likely = 3) => new
    {
        name, start = new DateOnly(2027, 3, 1), horizonMonths = 6, triggers = "Offices in Kashgar reopen",
        assumption = "Multiplier", low = 1.5, likely, high = 8.0, version,
    };

    private async Task<JsonElement> CreateAsync(HttpClient client, string name)
    {
        var created = await client.PostAsJsonAsync("/api/v1/planning/scenarios", Body(name));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_scenario_is_stored_changed_and_removed_and_a_stale_version_is_409()
    {
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var s = await CreateAsync(manager, "Reopening " + Guid.NewGuid().ToString("N")[..6]);
        var id = s.GetProperty("id").GetInt32();
        var name = s.GetProperty("name").GetString()!;

        var changed = await manager.PutAsJsonAsync($"/api/v1/planning/scenarios/{id}", Body(name, 0, likely: 4));
        var stale = await manager.PutAsJsonAsync($"/api/v1/planning/scenarios/{id}", Body(name, 0, likely: 5));
        var read = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/planning/scenarios/{id}");
        var staleDelete = await manager.DeleteAsync($"/api/v1/planning/scenarios/{id}?version=0");
        var deleted = await manager.DeleteAsync($"/api/v1/planning/scenarios/{id}?version=1");
        var gone = await manager.GetAsync($"/api/v1/planning/scenarios/{id}");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(4, read.GetProperty("likely").GetDouble());
        Assert.Equal(1, read.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_name_or_a_bad_horizon_is_refused_and_other_roles_get_nothing()
    {
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk);
        var name = "Twice " + Guid.NewGuid().ToString("N")[..6];
        await CreateAsync(manager, name);

        var twice = await manager.PostAsJsonAsync("/api/v1/planning/scenarios", Body(name));
        var foreign = await clerk.GetAsync("/api/v1/planning/scenarios");

        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.True((await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task Two_scenarios_compare_side_by_side_at_month_3_and_the_horizon()
    {
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var a = (await CreateAsync(manager, "A " + Guid.NewGuid().ToString("N")[..6])).GetProperty("id").GetInt32();
        var b = (await CreateAsync(manager, "B " + Guid.NewGuid().ToString("N")[..6])).GetProperty("id").GetInt32();

        var compared = await manager.GetAsync($"/api/v1/planning/compare?ids={a}&ids={b}");
        var one = await manager.GetAsync($"/api/v1/planning/compare?ids={a}");

        Assert.True(compared.StatusCode == HttpStatusCode.OK, await compared.Content.ReadAsStringAsync());
        var scenarios = (await compared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scenarios");
        Assert.Equal(2, scenarios.GetArrayLength());
        Assert.Equal("2027-05-01", scenarios[0].GetProperty("month3").GetProperty("month").GetString());
        Assert.Equal("2027-08-01", scenarios[0].GetProperty("horizon").GetProperty("month").GetString());
        Assert.True(scenarios[0].GetProperty("horizon").GetProperty("needs").TryGetProperty("budget", out _));
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
    }

    [Fact]
    public async Task The_forecast_exports_as_xlsx_with_its_sheets_and_as_a_pdf_brief()
    {
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var id = (await CreateAsync(manager, "=Export " + Guid.NewGuid().ToString("N")[..6])).GetProperty("id").GetInt32();

        var xlsx = await manager.GetAsync($"/api/v1/planning/scenarios/{id}/forecast.xlsx");
        var pdf = await manager.GetAsync($"/api/v1/planning/scenarios/{id}/brief.pdf");

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["scenario", "population", "needs"], MiniExcel.GetSheetNames(book));
        book.Position = 0;
        var about = MiniExcel.Query(book, useHeaderRow: true, sheetName: "scenario").Cast<IDictionary<string, object>>().ToList();
        Assert.DoesNotContain(about, r => r["value"]?.ToString()?.StartsWith('=') == true);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Matches(@"/Type\s*/Pages", System.Text.Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public async Task The_brief_in_Uyghur_is_joined_and_laid_right_to_left()
    {
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ug");
        var id = (await CreateAsync(manager, "Brief " + Guid.NewGuid().ToString("N")[..6])).GetProperty("id").GetInt32();

        var response = await manager.GetAsync($"/api/v1/planning/scenarios/{id}/brief.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        var raw = string.Concat(letters.Select(l => l.Value));
        // A reader folds the joined forms back to letters; in drawing order they read as written.
        Assert.Contains(raw, c => c is >= '\uFB50' and <= '\uFEFF');
        var text = raw.Normalize(System.Text.NormalizationForm.FormKC);
        const string heading = "ئۈچ ئاي";
        // (Copied text still loses one of ە's two forms without codes of their own — alone and at a word's end — because
        // PDFsharp gives a glyph one character per font; the words below have ە in the other form.)
        Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains("ئوتتۇرا قىممەت", text, StringComparison.Ordinal);
        Assert.Contains("ئېھتىياج", text, StringComparison.Ordinal);
        var first = Enumerable.Range(0, letters.Count - heading.Length)
            .First(i => string.Concat(letters.Skip(i).Take(heading.Length).Select(l => l.Value)).Normalize(System.Text.NormalizationForm.FormKC) == heading);
        var xs = letters.Skip(first).Take(heading.Length).Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.StartBaseLine.X).ToList();
        Assert.True(xs.Zip(xs.Skip(1)).All(p => p.Second < p.First), "the heading's letters are not placed right to left: " + string.Join(" ", xs));
    }
}

public sealed class SqliteScenariosTests(SqliteApp app) : ScenariosTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScenariosTests(PostgresApp app) : ScenariosTests(app), IClassFixture<PostgresApp>;
