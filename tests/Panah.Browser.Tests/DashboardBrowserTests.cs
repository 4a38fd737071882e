using Microsoft.Playwright;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;

namespace Panah.Browser.Tests;

/// <summary>A programme manager opens the food dashboard on a 390 × 844 phone: every chart drawn, its table beneath, no sideways scrolling.</summary>
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_food_dashboard_on_a_phone_draws_its_charts_and_tables_without_sideways_scrolling()
    {
        await RedeemSeed.CreateAsync(fixture.App);
        var page = await fixture.SignInAsync(Roles.ProgrammeManager);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };

        await page.GotoAsync(fixture.BaseUrl + "/Dashboards");
        await page.ClickAsync("#overview-food a");
        await page.WaitForSelectorAsync("#food-cari canvas");
        await page.SelectOptionAsync("#office", "KAY");
        await page.ClickAsync("#show");
        await page.WaitForSelectorAsync("#food-summary");

        Assert.Contains("office=KAY", page.Url);
        var canvases = await page.Locator("canvas.dashboard-chart").CountAsync();
        Assert.Equal(4, canvases);
        Assert.Equal(canvases, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('canvas.dashboard-chart')].filter(c => Chart.getChart(c) !== undefined && c.clientWidth > 0).length"));
        Assert.Equal(4, await page.Locator("table.dashboard-table caption").CountAsync());
        Assert.True(await page.Locator("#food-cari table tbody tr").CountAsync() == 4);
        Assert.True(await page.Locator("#food-cari table").IsVisibleAsync());
        var problems = new List<string>();
        await LayoutTests.CheckAsync(page, "food dashboard", problems);
        Assert.Empty(problems);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "food-dashboard-phone.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
