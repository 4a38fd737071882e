using Microsoft.Playwright;
using Panah.Data.Staff;

namespace Panah.Browser.Tests;

/// <summary>A programme manager builds the wheat ration, sees it fail the fat floor, adds oil and sees it pass, with the chart drawn.</summary>
public sealed class BasketBuilderTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly (string Commodity, string Grams)[] WheatRation =
        [("Wheat flour", "400"), ("Beans", "60"), ("Vegetable oil", "25"), ("Corn-soya blend (CSB)", "50"), ("Sugar", "15"), ("Salt (iodised)", "5")];

    [Fact]
    public async Task Manager_builds_a_basket_sees_it_fail_the_fat_floor_fixes_it_and_sees_it_pass()
    {
        var page = await fixture.SignInAsync(Roles.ProgrammeManager);
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        await page.GotoAsync(fixture.BaseUrl + "/Food");
        await page.ClickAsync("#food-baskets a:has-text('New basket')");
        await page.FillAsync("#bname", "Wheat ration (browser)");
        await page.SelectOptionAsync("#bkind", "Ration");
        for (var n = 0; n < 3; n++)
        {
            await FillRowAsync(page, n, WheatRation[n]);
        }
        // Three rows at first: checking offers more, so the builder works without script.
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#basket-result");
        for (var n = 3; n < WheatRation.Length; n++)
        {
            await FillRowAsync(page, n, WheatRation[n]);
        }
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#basket-result");

        Assert.Equal("no", await page.GetAttributeAsync("#sphere-check tr[data-rule='fat']", "data-met"));
        Assert.Contains("Not met", await page.InnerTextAsync("#sphere-check tr[data-rule='fat']"));
        Assert.Contains("15.1%", await page.InnerTextAsync("#sphere-check tr[data-rule='fat']"));
        Assert.Contains("below the Sphere minimum", await page.InnerTextAsync("#verdict"));

        await page.FillAsync("#row2-quantity", "35");
        await page.ClickAsync("#check");
        await page.WaitForSelectorAsync("#basket-result[data-meets='yes']");
        Assert.Contains("✓ Met", await page.InnerTextAsync("#sphere-check tr[data-rule='fat']"));
        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#basket-result[data-meets='yes']");
        Assert.Contains("?id=", page.Url, StringComparison.Ordinal);
        Assert.Contains("meets the Sphere minimum", await page.InnerTextAsync("#verdict"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart !== 'undefined' && Chart.getChart('sphere-chart') !== undefined"), "the chart is drawn");
        Assert.True(await page.EvaluateAsync<double>("() => document.getElementById('sphere-chart').getBoundingClientRect().width") > 200, "the chart takes the width of the page");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "basket-builder.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    private static async Task FillRowAsync(IPage page, int n, (string Commodity, string Grams) row)
    {
        var select = page.Locator($"#row{n}-commodity");
        var value = await select.Locator("option", new LocatorLocatorOptions { HasTextString = row.Commodity + " (" }).First.GetAttributeAsync("value");
        await select.SelectOptionAsync(value!);
        await page.FillAsync($"#row{n}-quantity", row.Grams);
    }
}
