using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Panah.Data.Staff;
using Panah.Web.Tests.Exports;
using Panah.Web.Tests.Food;

namespace Panah.Browser.Tests;

/// <summary>
/// The export gate in the browser: a registration officer asks for an export of their office's households, the data
/// protection officer approves it in the queue, the officer downloads it once (the recipient's gpg opens it, every row
/// watermarked) and a second download is refused.
/// </summary>
public sealed class ExportGateBrowserTests(BrowserFixture fixture, GpgKeys keys) : IClassFixture<BrowserFixture>, IClassFixture<GpgKeys>
{
    [Fact]
    public async Task An_officer_asks_the_dpo_approves_and_the_file_downloads_once()
    {
        var district = "Gate" + Guid.NewGuid().ToString("N")[..8];
        var seeded = await FoodSeed.HouseholdsAsync(fixture.App, 71, ["KAY", "KAY", "IST"], district);
        var api = await fixture.App.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var recipientName = "Browser gate " + Guid.NewGuid().ToString("N")[..6];
        var added = await api.PostAsJsonAsync("/api/v1/exports/recipients", new { name = recipientName, organisation = "Partner NGO", publicKey = keys.Recipient.ArmouredPublicKey });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var recipient = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The officer asks, naming the purpose, the recipient, the households of one district and one column.
        var officer = await fixture.SignInAsync(await fixture.App.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["KAY"]));
        await officer.GotoAsync(fixture.BaseUrl + "/Exports");
        await officer.FillAsync("#purpose", "Resettlement referral of the listed households");
        await officer.SelectOptionAsync("#recipient", recipient.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await officer.SelectOptionAsync("#dataset", "Households");
        await officer.CheckAsync("#col-households-household_code");
        await officer.FillAsync("#district", district);
        await officer.ClickAsync("#ask-export");
        var row = officer.Locator("#my-exports tr[data-export]");
        await row.WaitForAsync();
        var id = await row.GetAttributeAsync("data-export");
        Assert.Contains("Awaiting approval", await row.InnerTextAsync());
        Assert.Equal(0, await officer.Locator(".export-download").CountAsync());

        // The data protection officer approves it in the queue.
        var dpo = await fixture.SignInAsync(Roles.DataProtectionOfficer);
        await dpo.GotoAsync(fixture.BaseUrl + "/Exports/Queue");
        var queued = dpo.Locator($"#export-requests tr[data-export='{id}']");
        Assert.Contains("Resettlement referral of the listed households", await queued.InnerTextAsync());
        await queued.Locator("button[formaction*='handler=Approve']").ClickAsync();
        await dpo.WaitForSelectorAsync($"#export-requests tr[data-export='{id}']:has-text('Approved')");
        await dpo.Context.CloseAsync();

        // The officer downloads the file once: encrypted to the recipient, one watermarked row per household of theirs.
        await officer.ReloadAsync();
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync($"tr[data-export='{id}'] .export-download"));
        Assert.Equal($"export-{id}.csv.gpg", download.SuggestedFilename);
        var path = await download.PathAsync();
        var (exit, plain) = keys.Recipient.Decrypt(await File.ReadAllBytesAsync(path));
        Assert.Equal(0, exit);
        var lines = plain.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("panah_export,household_code", lines[0]);
        Assert.Equal(seeded.Where(h => h.Office == "KAY").Select(h => $"{id},{h.Code}").Order(), lines.Skip(1).Order());

        await officer.ReloadAsync();
        Assert.Contains("Downloaded", await officer.Locator($"tr[data-export='{id}']").InnerTextAsync());
        Assert.Equal(0, await officer.Locator(".export-download").CountAsync());
        var again = await officer.APIRequest.GetAsync($"{fixture.BaseUrl}/api/v1/exports/{id}/file");
        Assert.Equal(409, again.Status);
        Assert.Contains("downloaded already", (await again.JsonAsync())?.GetProperty("detail").GetString());
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "export-downloaded.png"), FullPage = true });
        await officer.Context.CloseAsync();
    }
}
