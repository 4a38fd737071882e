using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food.Monitoring;

/// <summary>
/// Importing survey answers from CSV, all or nothing: a file with a bad row writes nothing and reports every bad
/// row by line and column; a file refused whole says why. Never a server error.
/// </summary>
public abstract class PdmImportTests<TApp>(TApp app) where TApp : MonitoringApp
{
    private static readonly string[] Header = ["householdCode", "food.staples", "food.pulses", "food.dairy", "food.meat", "food.fish", "food.eggs",
        "food.vegetables", "food.fruit", "food.oil", "food.sugar", "food.condiments", "coping.lessPreferredFood", "coping.borrowFood", "coping.fewerMeals",
        "coping.smallerPortions", "coping.adultsEatLess", "hunger1.happened", "hunger1.frequency", "hunger2.happened", "hunger2.frequency",
        "hunger3.happened", "hunger3.frequency", "livelihood.sold_household_assets", "livelihood.spent_savings", "livelihood.borrowed_money",
        "livelihood.sold_more_animals", "livelihood.reduced_health_education", "livelihood.sold_productive_assets", "livelihood.withdrew_children_school",
        "livelihood.sold_house_or_land", "livelihood.begged", "livelihood.illegal_or_risky_work", "spending.food_bought", "spending.food_aid_gift",
        "spending.food_own", "spending.rent", "spending.utilities", "spending.transport", "spending.hygiene", "spending.health", "spending.education",
        "spending.clothing", "collectedBy", "waitingMinutes", "receivedEverything", "itemsReceived", "comment"];

    private static string Row(string code, string staples = "7", string frequency = "rarely", string comment = "ok") =>
        $"{code},{staples},3,0,2,3,4,5,1,7,7,7,1,2,3,4,5,no,{frequency},no,,no,,no,yes,no,no,no,no,no,no,no,no,70,,,300,,,,,,,head,25,yes,\"rice, 20 kg\",{comment}";

    private static string File(params string[] rows) => string.Join(',', Header) + "\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public async Task The_template_has_the_columns_the_import_takes()
    {
        var client = await SignedInAsync();
        var template = await client.GetAsync("/Food/Monitoring/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(string.Join(',', Header), (await template.Content.ReadAsStringAsync()).TrimEnd('\n'));
    }

    [Fact]
    public async Task A_file_with_bad_rows_writes_nothing_and_names_each_row_and_column()
    {
        var (cycle, codes) = await SampledCodesAsync(41);
        var client = await SignedInAsync();

        var report = await ImportAsync(client, cycle, File(Row(codes[0]), Row(codes[1], staples: "9"), Row("NO-SUCH-CODE"), Row(codes[2], frequency: "always"), Row(codes[0])));

        Assert.Contains("id=\"row-errors\"", report);
        var lines = RowErrors(report);
        Assert.Contains(("3", "food.staples"), lines);
        Assert.Contains(("4", "householdCode"), lines);
        Assert.Contains(("5", "hunger1.frequency"), lines);
        Assert.DoesNotContain(lines, l => l.Line == "2");
        Assert.Equal(0, await SurveysAsync(cycle));
    }

    [Fact]
    public async Task A_good_file_imports_every_row_and_a_household_twice_is_an_error()
    {
        var (cycle, codes) = await SampledCodesAsync(42);
        var client = await SignedInAsync();

        Assert.Contains("id=\"imported\"", await ImportAsync(client, cycle, File(Row(codes[0]), Row(codes[1].ToLowerInvariant()))));
        Assert.Equal(2, await SurveysAsync(cycle));

        var again = await ImportAsync(client, cycle, File(Row(codes[2]), Row(codes[0])));
        Assert.Contains(("3", "householdCode"), RowErrors(again));
        Assert.Equal(2, await SurveysAsync(cycle));
    }

    [Theory]
    [InlineData("columns")]
    [InlineData("encoding")]
    [InlineData("binary")]
    [InlineData("quotes")]
    [InlineData("empty")]
    [InlineData("header-only")]
    [InlineData("huge")]
    public async Task A_malformed_file_is_refused_whole_with_a_reason_never_a_server_error(string kind)
    {
        var (cycle, codes) = await SampledCodesAsync(43);
        var client = await SignedInAsync();
        var bytes = kind switch
        {
            "columns" => Encoding.UTF8.GetBytes("householdCode,food.staples,colour\n" + codes[0] + ",7,blue\n"),
            "encoding" => [.. Encoding.UTF8.GetBytes(File(Row(codes[0]))), 0xFF, 0xFE, 0xC3, 0x28],
            "binary" => [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00],
            "quotes" => Encoding.UTF8.GetBytes(File(Row(codes[0], comment: "\"never closed"))),
            "empty" => [],
            "header-only" => Encoding.UTF8.GetBytes(string.Join(',', Header) + "\n"),
            _ => Encoding.UTF8.GetBytes(File([.. Enumerable.Repeat(Row(codes[0]), 40_000)])),
        };

        var response = await PostFileAsync(client, cycle, bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Contains("id=\"refused\"", StringComparison.Ordinal) || html.Contains("id=\"row-errors\"", StringComparison.Ordinal), html);
        Assert.Equal(0, await SurveysAsync(cycle));
    }

    private async Task<HttpClient> SignedInAsync() => await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DistributionClerk));

    private async Task<(int Cycle, List<string> Codes)> SampledCodesAsync(int seed)
    {
        var (cycle, sampled, _) = await PdmSurveyTests<TApp>.SampledCycleAsync(app, seed);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var codes = await db.Households.Where(h => sampled.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Code);
        return (cycle, [.. sampled.Select(id => codes[id])]);
    }

    private async Task<int> SurveysAsync(int cycle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test check");
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().PdmSurveys.CountAsync(s => s.CycleId == cycle);
    }

    private static async Task<string> ImportAsync(HttpClient client, int cycle, string csv)
    {
        var response = await PostFileAsync(client, cycle, Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, int cycle, byte[] bytes)
    {
        var url = $"/Food/Monitoring/Import?cycle={cycle}";
        var token = Html.AntiforgeryToken(await (await client.GetAsync(url)).Content.ReadAsStringAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(bytes), "file", "answers.csv" },
        };
        return await client.PostAsync(url, form);
    }

    /// <summary>(line, column) of each row of the error report.</summary>
    private static List<(string Line, string Column)> RowErrors(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>(\\d+)</td><td dir=\"ltr\">([^<]*)</td>").Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
}

public sealed class SqlitePdmImportTests(SqliteMonitoringApp app) : PdmImportTests<SqliteMonitoringApp>(app), IClassFixture<SqliteMonitoringApp>;

public sealed class PostgresPdmImportTests(PostgresMonitoringApp app) : PdmImportTests<PostgresMonitoringApp>(app), IClassFixture<PostgresMonitoringApp>;
