using System.Globalization;
using Microsoft.Playwright;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Browser.Tests;

/// <summary>A programme manager opens a cycle another manager generated, sees its totals and approves it.</summary>
public sealed class CycleApprovalBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_manager_approves_a_cycle_someone_else_generated()
    {
        var cycle = await TestCycle.CreateAsync(fixture.App, "KAY", "IST");
        var generator = await StaffSession.SignInAsync(fixture.App, await fixture.App.CreateStaffAsync(Roles.ProgrammeManager));
        var details = $"/Food/Cycles/Details?id={cycle.Id}";
        var version = (await cycle.VersionAsync(fixture.App)).ToString(CultureInfo.InvariantCulture);
        (await Html.PostFormAsync(generator, details, new Dictionary<string, string> { ["version"] = version }, $"/Food/Cycles/Details?handler=Generate&id={cycle.Id}")).EnsureSuccessStatusCode();

        var page = await fixture.SignInAsync(Roles.ProgrammeManager);
        await page.GotoAsync(fixture.BaseUrl + details);
        Assert.Contains($"2 households, {cycle.Households.Sum(h => h.Members)} people", await page.InnerTextAsync("#totals-summary"));
        Assert.Contains("25 kg sack", await page.InnerTextAsync("#totals"));
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("Approved 2 entitlements.", await page.InnerTextAsync("#message"));
        Assert.Equal("Approved", (await page.InnerTextAsync("#cycle-status")).Trim());
        Assert.Equal(0, await page.Locator("#approve").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "cycle-approved.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
