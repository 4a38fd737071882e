using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Panah.Core.Imports;
using Panah.Data.Matching;
using Panah.Data.Staff;
using Panah.Web.Tests.Imports;

namespace Panah.Browser.Tests;

/// <summary>
/// A registration officer uploads a Kobo XLSX, maps the form's E/K answers for sex, runs a dry run that shows a
/// possible duplicate (a person already registered in Latin script, in the file in Arabic script) and an error row,
/// then imports the good row; the progress comes from our own script, under the CSP.
/// </summary>
public sealed class ImportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static byte[] KoboFile()
    {
        var households = new List<Dictionary<string, object>>
        {
            new() { ["_index"] = 1, ["_uuid"] = Guid.NewGuid().ToString(), ["_submission_time"] = "2026-11-20T09:30:00", ["household/district"] = "Zeytinburnu" },
            new() { ["_index"] = 2, ["_uuid"] = Guid.NewGuid().ToString(), ["_submission_time"] = "2026-11-20T10:00:00", ["household/district"] = "Fatih" },
            new() { ["_index"] = 3, ["_uuid"] = Guid.NewGuid().ToString(), ["_submission_time"] = "2026-11-20T11:00:00", ["household/district"] = "Fatih" },
        };
        var members = new List<Dictionary<string, object>>
        {
            Member(1, 1, "ئابدۇرېھىم", "تۇرسۇن", "ug-Arab", "E", "1984-03-02", "0532 765 43 21"),
            Member(2, 2, "Nurgül", "Ablimit", "ug-Latn", "K", "02.03.1991", ""),
            Member(3, 3, "", "Kurban", "ug-Latn", "E", "1970", ""),
        };
        using var file = new MemoryStream();
        file.SaveAs(new Dictionary<string, object> { ["households"] = households, ["members"] = members });
        return file.ToArray();
    }

    private static Dictionary<string, object> Member(int index, int parent, string given, string family, string script, string sex, string born, string phone) => new()
    {
        ["_index"] = index, ["_parent_index"] = parent, ["member/given_name"] = given, ["member/family_name"] = family, ["member/name_script"] = script,
        ["member/sex"] = sex, ["member/birth_date"] = born, ["member/phone"] = phone, ["member/relationship"] = "head", ["member/consent"] = "evet",
    };

    [Fact]
    public async Task Officer_uploads_a_kobo_export_maps_sex_answers_dry_runs_and_imports_the_good_row()
    {
        // Already registered, in Latin script, at the officer's office.
        var (scope, importer, office) = await ImportFixtures.OfficerAsync(fixture.App);
        await using (scope)
        {
            var latin = "given_name,family_name,sex,birth_date,phone,consent,district\nAbdurehim,Tursun,male,1984-03-02,0532 765 43 21,yes,Zeytinburnu\n";
            Assert.Equal(Panah.Data.Imports.ImportOutcome.Imported, (await importer.CommitAsync(office, ImportFixtures.Submissions(ImportFixtures.Utf8(latin), "a.csv"), new ImportMapping())).Single().Outcome);
            var matches = scope.ServiceProvider.GetRequiredService<MatchCheck>();
            for (var i = 0; !matches.IsReady && i < 600; i++)
            {
                await Task.Delay(100);
            }
            Assert.True(matches.IsReady, "the match index is built");
        }
        var page = await fixture.SignInAsync(await fixture.App.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["KAY"]));
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };

        await page.GotoAsync(fixture.BaseUrl + "/Imports");
        await page.ClickAsync("#new-import");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "kobo-export.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = KoboFile() });
        await page.ClickAsync("#upload");
        await page.WaitForSelectorAsync("#mapping-form");
        Assert.Equal("sex", await page.InputValueAsync("select[data-column='member/sex']"));

        await page.Locator("input[data-answer-field='sex']").Nth(0).FillAsync("E");
        await page.Locator("select[data-value-field='sex']").Nth(0).SelectOptionAsync("male");
        await page.Locator("input[data-answer-field='sex']").Nth(1).FillAsync("K");
        await page.Locator("select[data-value-field='sex']").Nth(1).SelectOptionAsync("female");
        await page.ClickAsync("#save-mapping");
        await page.WaitForSelectorAsync("#dry-run");
        Assert.Equal("E", await page.Locator("input[data-answer-field='sex']").Nth(0).InputValueAsync());

        await page.ClickAsync("#dry-run");
        // Our script polls the job and reloads the page when the dry run is done.
        await page.WaitForSelectorAsync("#job[data-status='dry-run-done']");
        var duplicate = page.Locator("#report tr.outcome-possible-duplicate");
        Assert.Equal(1, await duplicate.CountAsync());
        Assert.StartsWith("KAY", (await duplicate.Locator("td").Nth(5).InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator("#report tr.outcome-error").CountAsync());
        Assert.Contains("name.given", await page.InnerTextAsync("#report tr.outcome-error"));
        Assert.Equal(1, await page.Locator("#report tr.outcome-ok").CountAsync());
        Assert.True(await page.Locator("#report-xlsx").IsVisibleAsync());

        await page.ClickAsync("#commit");
        await page.WaitForSelectorAsync("#job[data-status='done']");
        Assert.Equal(1, await page.Locator("#report tr.outcome-imported").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "import-done.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
