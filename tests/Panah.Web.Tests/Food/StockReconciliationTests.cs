using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>
/// The app with stock kept on paper at some points: a collection the point's ledger cannot cover is still recorded,
/// and the cycle's reconciliation shows what was not posted.
/// </summary>
public abstract class PaperStockApp(string provider) : PanahApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:Food:Stock:RequireStockForRedemption", "false");
    }
}

public sealed class SqlitePaperStockApp() : PaperStockApp("sqlite");

public sealed class PostgresPaperStockApp() : PaperStockApp("postgres");

/// <summary>
/// Collections (through the redemption service) post their packs out of the point's stock, and a cycle's
/// reconciliation sets entitled against collected against moved, by point and commodity.
/// </summary>
public abstract class StockReconciliationTests(PanahApp app)
{
    [Fact]
    public async Task A_cycle_reconciles_entitled_collected_and_moved_by_point_and_commodity_with_differences_marked()
    {
        var commodity = await FoodSeed.CommodityAsync(app);
        var kayseri = await FoodSeed.LocationAsync(app, "KAY");
        var istanbul = await FoodSeed.LocationAsync(app, "IST");
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        await StockSetup.ReceiveAsync(manager, kayseri.Code, commodity.Code, 20, "K1");
        var cycle = await FoodSeed.CycleAsync(app, [commodity.Id], [kayseri.Id, istanbul.Id]);
        var households = await FoodSeed.HouseholdsAsync(app, 30, ["KAY", "KAY", "KAY", "IST"]);
        var kay1 = await FoodSeed.EntitlementAsync(app, cycle, households[0], [commodity.Id], 4);
        var kay2 = await FoodSeed.EntitlementAsync(app, cycle, households[1], [commodity.Id], 4);
        await FoodSeed.EntitlementAsync(app, cycle, households[2], [commodity.Id], 9, EntitlementStatus.Cancelled);
        var ist = await FoodSeed.EntitlementAsync(app, cycle, households[3], [commodity.Id], 6);
        Assert.IsType<RedemptionOutcome.Redeemed>(await FoodSeed.RedeemAsync(app, kay1, households[0], kayseri.Id));
        Assert.IsType<RedemptionOutcome.Redeemed>(await FoodSeed.RedeemAsync(app, kay2, households[1], kayseri.Id));
        // Istanbul's stock is kept on paper (its ledger holds none): the collection posts nothing, the difference the report is for.
        Assert.IsType<RedemptionOutcome.Redeemed>(await FoodSeed.RedeemAsync(app, ist, households[3], istanbul.Id));

        var csv = await manager.GetAsync($"/Food/Stock/Reconciliation?handler=Csv&cycle={cycle}");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "place,commodity,pack,entitled,collected,moved,outstanding,unposted,difference",
                .. new[]
                {
                    $"{istanbul.Code} · IST test location,lentils,5 kg bag,6,6,0,0,6,yes",
                    $"{kayseri.Code} · KAY test location,lentils,5 kg bag,8,8,8,0,0,no",
                }.Order(StringComparer.Ordinal),
            ],
            lines);
        Assert.Equal(20 - 8, (await StockSetup.LedgerAsync(app, kayseri.Id, commodity.Id)).Balances["K1"]);
        var page = await (await manager.GetAsync($"/Food/Stock/Reconciliation?cycle={cycle}")).Content.ReadAsStringAsync();
        Assert.Contains("reconciliation-chart", page);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "class=\"table-warning fw-bold difference\""));
    }
}

/// <summary>A collection the point's stock cannot cover is refused, and nothing of it is written.</summary>
public abstract class StockShortageTests(PanahApp app)
{
    [Fact]
    public async Task A_redemption_the_point_cannot_cover_is_refused_and_nothing_of_it_is_written()
    {
        var commodity = await FoodSeed.CommodityAsync(app);
        var point = await FoodSeed.LocationAsync(app, "KAY");
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        await StockSetup.ReceiveAsync(manager, point.Code, commodity.Code, 1, "OLD", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        await StockSetup.ReceiveAsync(manager, point.Code, commodity.Code, 1, "NEW", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        var cycle = await FoodSeed.CycleAsync(app, [commodity.Id], [point.Id]);
        var household = (await FoodSeed.HouseholdsAsync(app, 31, ["KAY"]))[0];
        var entitlement = await FoodSeed.EntitlementAsync(app, cycle, household, [commodity.Id], 3);

        var outcome = await FoodSeed.RedeemAsync(app, entitlement, household, point.Id);

        Assert.Equal(new RedemptionOutcome.Refused(Redemptions.OutOfStock), outcome);
        var (balances, lines) = await StockSetup.LedgerAsync(app, point.Id, commodity.Id);
        Assert.Equal(new Dictionary<string, int> { ["OLD"] = 1, ["NEW"] = 1 }, balances);
        Assert.DoesNotContain(lines, l => l.Kind == StockMovementKind.Distribution);
        await using var scope = FoodSeed.Everything(app, out var db);
        Assert.False(await db.Redemptions.AnyAsync(r => r.EntitlementId == entitlement));
    }
}

public sealed class SqliteStockReconciliationTests(SqlitePaperStockApp app) : StockReconciliationTests(app), IClassFixture<SqlitePaperStockApp>;

public sealed class PostgresStockReconciliationTests(PostgresPaperStockApp app) : StockReconciliationTests(app), IClassFixture<PostgresPaperStockApp>;

public sealed class SqliteStockShortageTests(SqliteApp app) : StockShortageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStockShortageTests(PostgresApp app) : StockShortageTests(app), IClassFixture<PostgresApp>;
