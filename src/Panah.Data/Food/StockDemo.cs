using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>
/// Demo stock (synthetic): the demo basket's commodities received at a Kayseri warehouse in batches with different
/// expiry dates (one within the warning period), then transferred to a Kayseri and an Istanbul point earliest expiry
/// first. Uses the locations the cycles demo made and creates them by code when absent; does nothing once any stock
/// has been posted.
/// </summary>
public sealed class StockDemo(PanahDbContext db, AccessScope scope, StockLedger ledger, TimeProvider clock) : IDemoPart
{
    public int Order => 40;

    public string Name => "food stock at the warehouse and two points";

    public async Task SeedAsync(CancellationToken ct)
    {
        scope.Everything("demo stock");
        if (await db.StockMovements.AnyAsync(ct))
        {
            return;
        }
        var commodities = await DemoCommoditiesAsync(ct);
        if (commodities.Count == 0)
        {
            return;
        }
        var warehouse = await LocationAsync("KAY", LocationKind.Warehouse, "KAY-WH", "Kayseri warehouse", ct);
        var kayseri = await LocationAsync("KAY", LocationKind.DistributionPoint, "KAY-P1", "Kayseri distribution point", ct);
        var istanbul = await LocationAsync("IST", LocationKind.DistributionPoint, "IST-P1", "Zeytinburnu distribution point", ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var commodity in commodities)
        {
            await ledger.PostAsync(Receipt(warehouse, commodity, "DEMO-A", today.AddDays(20), 400, ReceiptSource.Donor, "DEMO-WAYBILL-1"), ct);
            await ledger.PostAsync(Receipt(warehouse, commodity, "DEMO-B", today.AddDays(200), 600, ReceiptSource.Purchase, "DEMO-PO-7"), ct);
            await ledger.PostAsync(Receipt(istanbul, commodity, "DEMO-C", today.AddDays(90), 50, ReceiptSource.Donor, "DEMO-WAYBILL-2"), ct);
            foreach (var point in new[] { kayseri, istanbul })
            {
                await ledger.PostAsync(new StockPosting(StockMovementKind.Transfer, warehouse, commodity, 300) { ToLocationId = point }, ct);
            }
        }
    }

    private static StockPosting Receipt(int location, int commodity, string batch, DateOnly expires, int packs, ReceiptSource source, string reference) =>
        new(StockMovementKind.Receipt, location, commodity, packs) { Batch = batch, ExpiresOn = expires, Source = source, Reference = reference };

    /// <summary>The commodities of the demo cycle's basket, else of the first basket, else every active commodity.</summary>
    private async Task<List<int>> DemoCommoditiesAsync(CancellationToken ct)
    {
        var basket = await db.DistributionCycles.OrderBy(c => c.Id).Select(c => (int?)c.BasketId).FirstOrDefaultAsync(ct)
            ?? await db.Baskets.OrderBy(b => b.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync(ct);
        var items = basket is null ? [] : await db.Set<BasketItem>().Where(i => i.BasketId == basket).Select(i => i.CommodityId).ToListAsync(ct);
        return items.Count > 0 ? items : await db.Commodities.Where(c => c.Active).Select(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The office's first active location of this kind, or a new one with <paramref name="code"/>.</summary>
    private async Task<int> LocationAsync(string office, LocationKind kind, string code, string name, CancellationToken ct)
    {
        var officeId = await db.FieldOffices.Where(o => o.Code == office).Select(o => o.Id).SingleAsync(ct);
        var existing = await db.FoodLocations.Where(l => l.FieldOfficeId == officeId && l.Kind == kind && l.Active).OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }
        var location = new FoodLocation { Code = code, Name = name, Kind = kind, FieldOfficeId = officeId };
        db.FoodLocations.Add(location);
        await db.SaveChangesAsync(ct);
        return location.Id;
    }
}
