using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Panah.Data;
using Panah.Data.Food;
using Panah.Data.Staff;

namespace Panah.Browser.Tests;

/// <summary>A distribution clerk on a phone posts a donor's receipt at their point and finds it in the point's balance.</summary>
public sealed class StockBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_clerk_posts_a_receipt_and_sees_the_balance()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var commodity = new Commodity { Code = "c-" + marker, Name = "lentils " + marker, Unit = "kg", PackGrams = 5_000, PackLabel = "5 kg bag", KcalPer100g = 340, ProteinPer100g = 20, FatPer100g = 0.6 };
        var point = new FoodLocation { Code = "KAY-" + marker, Name = "Kayseri point " + marker, Kind = LocationKind.DistributionPoint };
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            point.FieldOfficeId = await db.FieldOffices.Where(o => o.Code == "KAY").Select(o => o.Id).SingleAsync();
            db.AddRange(commodity, point);
            await db.SaveChangesAsync();
        }
        var page = await fixture.SignInAsync(Roles.DistributionClerk);

        await page.GotoAsync(fixture.BaseUrl + "/Food/Stock/Post");
        await page.CheckAsync("#kind-Receipt");
        await page.SelectOptionAsync("#location", point.Id.ToString(CultureInfo.InvariantCulture));
        await page.SelectOptionAsync("#commodity", commodity.Id.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#packs", "40");
        await page.FillAsync("#batch", "LOT-7");
        await page.FillAsync("#expires", "2027-06-30");
        await page.SelectOptionAsync("#source", nameof(ReceiptSource.Donor));
        await page.FillAsync("#reference", "WB-2041");
        await page.ClickAsync("#post");
        await page.WaitForSelectorAsync("#posted");
        Assert.Contains("Posted: 1 ledger lines.", await page.InnerTextAsync("#posted"));
        Assert.Contains("+40", await page.InnerTextAsync("#posted"));

        await page.GotoAsync(fixture.BaseUrl + "/Food/Stock");
        await page.SelectOptionAsync("#location", point.Id.ToString(CultureInfo.InvariantCulture));
        await page.ClickAsync("#balance-filter button");
        await page.WaitForSelectorAsync("#balances");
        var row = page.Locator("#balances tbody tr").Filter(new LocatorFilterOptions { HasText = "LOT-7" });
        Assert.Equal(1, await row.CountAsync());
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Contains(point.Code, cells[0]);
        Assert.Contains(commodity.Name, cells[1]);
        Assert.Equal(("2027-06-30", "40"), (cells[3].Trim(), cells[4].Trim()));
        var problems = new List<string>();
        await LayoutTests.CheckAsync(page, "the stock balance at 390 px", problems);
        Assert.Empty(problems);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "stock-balance.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
