using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Demo;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>
/// Redemptions post their packs out of the point's stock, in their own transaction, and a cycle's reconciliation sets
/// entitled against collected against moved. Entitlements and redemptions are made directly in the database here:
/// the redemption API is another part's.
/// </summary>
public abstract class StockReconciliationTests(PanahApp app)
{
    [Fact]
    public async Task A_cycle_reconciles_entitled_collected_and_moved_by_point_and_commodity_with_differences_marked()
    {
        var commodity = await StockSetup.CommodityAsync(app);
        var kayseri = await StockSetup.LocationAsync(app, "KAY");
        var istanbul = await StockSetup.LocationAsync(app, "IST");
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        await StockSetup.ReceiveAsync(manager, kayseri.Code, commodity.Code, 20, "K1");
        await StockSetup.ReceiveAsync(manager, istanbul.Code, commodity.Code, 20, "I1");
        var cycle = await CycleAsync(commodity.Id, kayseri.Id, istanbul.Id);
        var (kay1, kay2, kayCancelled, ist) = (
            await EntitlementAsync(cycle, "KAY", commodity.Id, 4, EntitlementStatus.Collected),
            await EntitlementAsync(cycle, "KAY", commodity.Id, 4, EntitlementStatus.Approved),
            await EntitlementAsync(cycle, "KAY", commodity.Id, 9, EntitlementStatus.Cancelled),
            await EntitlementAsync(cycle, "IST", commodity.Id, 6, EntitlementStatus.Collected));
        _ = kayCancelled;
        await RedeemAsync(kay1, kayseri.Id, commodity.Id, 4, posted: true);
        await RedeemAsync(kay2, kayseri.Id, commodity.Id, 4, posted: true);
        // Collected with the stock left unposted: the difference the report is for.
        await RedeemAsync(ist, istanbul.Id, commodity.Id, 6, posted: false);

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

    [Fact]
    public async Task A_redemption_the_point_cannot_cover_is_refused_and_nothing_of_it_is_written()
    {
        var commodity = await StockSetup.CommodityAsync(app);
        var point = await StockSetup.LocationAsync(app, "KAY");
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        await StockSetup.ReceiveAsync(manager, point.Code, commodity.Code, 1, "OLD", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        await StockSetup.ReceiveAsync(manager, point.Code, commodity.Code, 1, "NEW", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(50));
        var cycle = await CycleAsync(commodity.Id, point.Id);
        var entitlement = await EntitlementAsync(cycle, "KAY", commodity.Id, 3, EntitlementStatus.Approved);

        var refused = await Assert.ThrowsAsync<StockShortageException>(() => RedeemAsync(entitlement, point.Id, commodity.Id, 3, posted: true));

        Assert.Equal((commodity.Id, 1, point.Id), (refused.CommodityId, refused.PacksShort, refused.LocationId));
        var (balances, lines) = await StockSetup.LedgerAsync(app, point.Id, commodity.Id);
        Assert.Equal(new Dictionary<string, int> { ["OLD"] = 1, ["NEW"] = 1 }, balances);
        Assert.DoesNotContain(lines, l => l.Kind == StockMovementKind.Distribution);
        await using var scope = Everything(out var db);
        Assert.False(await db.Redemptions.AnyAsync(r => r.EntitlementId == entitlement));
    }

    private AsyncServiceScope Everything(out PanahDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
        db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        return scope;
    }

    private async Task<int> CycleAsync(int commodity, params int[] points)
    {
        await using var scope = Everything(out var db);
        var cycle = new DistributionCycle
        {
            Name = StockSetup.NewCode("cycle-"),
            Programme = new FoodProgramme { Name = StockSetup.NewCode("programme-") },
            Basket = new Basket { Name = StockSetup.NewCode("basket-"), Kind = BasketKind.Kit, Items = [new BasketItem { CommodityId = commodity, Quantity = 1 }] },
            DaysCovered = 30,
            StartsOn = new DateOnly(2026, 12, 1),
            EndsOn = new DateOnly(2026, 12, 31),
            Status = CycleStatus.Approved,
            Points = [.. points.Select(p => new CyclePoint { LocationId = p })],
        };
        db.DistributionCycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    private async Task<Guid> EntitlementAsync(int cycle, string office, int commodity, int packs, EntitlementStatus status)
    {
        await using var scope = Everything(out var db);
        var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
        var officeRow = await db.FieldOffices.SingleAsync(o => o.Code == office);
        var h = new DemoHouseholds(new Random(), new DateOnly(2026, 12, 1)).Next();
        var household = store.Build(officeRow, h.Household, h.Members, out _);
        db.Households.Add(household);
        var entitlement = new Entitlement
        {
            Id = Guid.NewGuid(), CycleId = cycle, HouseholdId = household.Id, FieldOfficeId = household.FieldOfficeId, Members = h.Members.Count, Status = status,
            Items = [new EntitlementItem { CommodityId = commodity, Packs = packs, CollectedPacks = status == EntitlementStatus.Collected ? packs : 0 }],
        };
        db.Entitlements.Add(entitlement);
        await db.SaveChangesAsync();
        return entitlement.Id;
    }

    /// <summary>What the redemption part does around the postings: one transaction for the redemption and its stock lines.</summary>
    private async Task RedeemAsync(Guid entitlementId, int location, int commodity, int packs, bool posted)
    {
        await using var scope = Everything(out var db);
        var entitlement = await db.Entitlements.AsNoTracking().SingleAsync(e => e.Id == entitlementId);
        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(), EntitlementId = entitlementId, HouseholdId = entitlement.HouseholdId, FieldOfficeId = entitlement.FieldOfficeId, LocationId = location,
            CollectedByPersonId = Guid.NewGuid(), StaffUserId = "test-clerk", At = DateTimeOffset.UtcNow, IdempotencyKey = Guid.NewGuid().ToString("N"),
            Items = [new RedemptionItem { CommodityId = commodity, Packs = packs }],
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (posted)
        {
            foreach (var posting in scope.ServiceProvider.GetServices<IRedemptionPosting>())
            {
                await posting.PostAsync(db, redemption, CancellationToken.None);
            }
        }
        db.Redemptions.Add(redemption);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}

public sealed class SqliteStockReconciliationTests(SqliteApp app) : StockReconciliationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStockReconciliationTests(PostgresApp app) : StockReconciliationTests(app), IClassFixture<PostgresApp>;
