using Microsoft.Playwright;
using Panah.Data.Staff;

namespace Panah.Browser.Tests;

/// <summary>A programme manager stores two scenarios, opens one and sees its fan chart and needs table drawn, then compares the two.</summary>
public sealed class PlanningBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Manager_opens_a_scenario_sees_the_fan_chart_and_needs_and_compares_two()
    {
        var page = await fixture.SignInAsync(Roles.ProgrammeManager);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text + " " + m.Location);
            }
        };
        foreach (var (name, likely) in new[] { ("Reopening (browser)", "3"), ("Status quo (browser)", "1") })
        {
            await page.GotoAsync(fixture.BaseUrl + "/Planning/Scenarios/Edit");
            await page.FillAsync("#Input_Name", name);
            await page.FillAsync("#Input_HorizonMonths", "6");
            await page.FillAsync("#Input_Low", "0.5");
            await page.FillAsync("#Input_Likely", likely);
            await page.FillAsync("#Input_High", "8");
            await page.ClickAsync("#save-scenario");
            await page.WaitForSelectorAsync("#fan-chart");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('fan-chart') !== undefined"), "the fan chart is drawn");
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('tornado-chart') !== undefined"), "the tornado is drawn");
        Assert.Equal(7, await page.Locator("#needs-table thead th").CountAsync());
        Assert.True(await page.Locator("#needs-table tr[data-need='teachers']").IsVisibleAsync());
        // Any need's own fan chart: the budget first, then the one chosen in the list, drawn again from its own numbers.
        Assert.Equal("budget", await page.EvaluateAsync<string>("() => document.getElementById('need-chart').dataset.shown"));
        var budgetMedian = await page.EvaluateAsync<double>("() => Chart.getChart('need-chart').data.datasets[0].data[5]");
        await page.SelectOptionAsync("#need-shown", "teachers");
        Assert.Equal("teachers", await page.EvaluateAsync<string>("() => document.getElementById('need-chart').dataset.shown"));
        var teachersMedian = await page.EvaluateAsync<double>("() => Chart.getChart('need-chart').data.datasets[0].data[5]");
        Assert.True(teachersMedian < budgetMedian, $"teachers {teachersMedian}, budget {budgetMedian}");
        Assert.Equal(teachersMedian.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")),
            (await page.InnerTextAsync("#needs-table tr[data-need='teachers'] td:nth-child(7)")).Split('\n')[0].Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "planning-scenario.png"), FullPage = true });

        await page.GotoAsync(fixture.BaseUrl + "/Planning/Scenarios");
        await page.Locator("tr:has-text('Reopening (browser)') input[name='ids']").CheckAsync();
        await page.Locator("tr:has-text('Status quo (browser)') input[name='ids']").CheckAsync();
        await page.ClickAsync("#compare");
        await page.WaitForSelectorAsync("#compare-table");

        Assert.Equal(2, await page.Locator("section.compared canvas.fan-chart").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => Chart.getChart('fan-chart-2') !== undefined"), "both fan charts are drawn");
        Assert.Contains("Reopening (browser)", await page.InnerTextAsync("#compare-table"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "planning-compare.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }
}
