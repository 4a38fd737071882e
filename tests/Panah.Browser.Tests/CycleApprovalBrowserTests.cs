using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;

namespace Panah.Browser.Tests;

/// <summary>A programme manager opens a cycle another manager generated, sees its totals and tonnage chart, and approves it.</summary>
public sealed class CycleApprovalBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_manager_approves_a_cycle_someone_else_generated()
    {
        var cycle = await TestCycle.CreateAsync(fixture.App, "KAY", "IST");
        // Another programme manager generated the entitlements (their generation, as their page runs it).
        var generator = await fixture.App.CreateStaffAsync(Roles.ProgrammeManager);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await CycleGeneration.ActingAs(scope.ServiceProvider, generator.User.Id).GenerateAsync(cycle.Id, await cycle.VersionAsync(fixture.App));
        }
        var details = $"/Food/Cycles/Details?id={cycle.Id}";

        var page = await fixture.SignInAsync(Roles.ProgrammeManager);
        await page.GotoAsync(fixture.BaseUrl + details);
        Assert.Contains($"2 households, {cycle.Households.Sum(h => h.Members)} people", await page.InnerTextAsync("#totals-summary"));
        Assert.Contains("25 kg sack", await page.InnerTextAsync("#totals"));
        Assert.Equal(generator.Email, (await page.InnerTextAsync("#generated-by")).Trim());
        // The tonnage chart is drawn by its script file under the page's CSP: one bar per commodity.
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && !!Chart.getChart('tonnage-chart')");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => Chart.getChart('tonnage-chart').data.datasets[0].data.length"));
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#message");
        Assert.Contains("Approved 2 entitlements.", await page.InnerTextAsync("#message"));
        Assert.Equal("Approved", (await page.InnerTextAsync("#cycle-status")).Trim());
        Assert.Equal(0, await page.Locator("#approve").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "cycle-approved.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
