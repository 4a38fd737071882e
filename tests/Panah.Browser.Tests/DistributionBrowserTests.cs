using System.Globalization;
using Microsoft.Playwright;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;

namespace Panah.Browser.Tests;

/// <summary>A clerk on a phone picks their point, types a card number, sees what is due and confirms the collection.</summary>
public sealed class DistributionBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clerk_types_a_card_number_and_confirms_a_collection_on_a_phone()
    {
        var seed = await RedeemSeed.CreateAsync(fixture.App);
        var card = await seed.HouseholdAsync(fixture.App);
        var page = await fixture.SignInAsync(Roles.DistributionClerk);

        await page.GotoAsync(fixture.BaseUrl + "/Food/Distribute");
        await page.SelectOptionAsync("#point", seed.Points["KAY"].ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#use-point");
        await page.WaitForSelectorAsync("#point-name");
        await page.FillAsync("#card", card.CardNumber);
        await page.ClickAsync("#lookup");
        await page.WaitForSelectorAsync("#confirm");
        Assert.Equal(card.Code, await page.InnerTextAsync("#household-code"));
        Assert.Contains("3 × 25 kg sack", await page.InnerTextAsync("#due-items"));
        Assert.True(await page.IsCheckedAsync("#collector-0"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "distribute-due.png"), FullPage = true });

        await page.ClickAsync("#confirm");
        await page.WaitForSelectorAsync("#outcome");

        Assert.StartsWith("Collected at", await page.InnerTextAsync("#outcome"));
        Assert.DoesNotContain(card.CardNumber, page.Url, StringComparison.OrdinalIgnoreCase);
        await page.FillAsync("#card", card.CardNumber);
        await page.ClickAsync("#lookup");
        await page.WaitForSelectorAsync("#nothing-due");
        Assert.StartsWith("Already collected at", await page.InnerTextAsync("#last-collection"));
        await page.Context.CloseAsync();
    }
}
