using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

/// <summary>Balances, ledger lines and the lists the stock forms offer, for the locations of the staff member's offices only.</summary>
public sealed class StockQueries(PanahDbContext db, StockOptions options, TimeProvider clock)
{
    public const int MaxLines = 200;

    public Task<List<StockLocationView>> LocationsAsync(CancellationToken ct = default) =>
        db.ScopedFoodLocations.AsNoTracking().Where(l => l.Active).OrderBy(l => l.Code)
            .Select(l => new StockLocationView(l.Id, l.Code, l.Name, l.Kind, l.FieldOfficeId)).ToListAsync(ct);

    public Task<List<StockCommodityView>> CommoditiesAsync(CancellationToken ct = default) =>
        db.Commodities.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Name)
            .Select(c => new StockCommodityView(c.Id, c.Code, c.Name, c.PackLabel)).ToListAsync(ct);

    /// <summary>Batches with stock, by location and commodity, earliest expiry first within each.</summary>
    public async Task<List<StockBalanceView>> BalancesAsync(int? locationId = null, int? commodityId = null, CancellationToken ct = default)
    {
        var rows = await (
            from b in db.StockBalances.AsNoTracking()
            join l in db.ScopedFoodLocations on b.LocationId equals l.Id
            join c in db.Commodities on b.CommodityId equals c.Id
            where b.Quantity > 0 && (locationId == null || b.LocationId == locationId) && (commodityId == null || b.CommodityId == commodityId)
            select new { b, l.Code, l.Name, CommodityCode = c.Code, CommodityName = c.Name, c.PackLabel }).ToListAsync(ct);
        // A batch's balance is the sum of its stripes.
        rows = [.. rows.GroupBy(r => (r.b.LocationId, r.b.CommodityId, r.b.Batch))
            .Select(g => g.First() with { b = new StockBalance { LocationId = g.Key.LocationId, CommodityId = g.Key.CommodityId, Batch = g.Key.Batch, ExpiresOn = g.First().b.ExpiresOn, Quantity = g.Sum(r => r.b.Quantity) } })];
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var soon = today.AddDays(options.ExpiryWarningDays);
        var ordered = rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.CommodityName, StringComparer.Ordinal)
            .ThenBy(r => r.b.ExpiresOn is null).ThenBy(r => r.b.ExpiresOn).ThenBy(r => r.b.Batch, StringComparer.Ordinal).ToList();
        var result = new List<StockBalanceView>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            var first = i == 0 || ordered[i - 1].b.LocationId != r.b.LocationId || ordered[i - 1].b.CommodityId != r.b.CommodityId;
            var expiry = r.b.ExpiresOn is not { } date ? ExpiryState.None : date < today ? ExpiryState.Expired : date <= soon ? ExpiryState.Soon : ExpiryState.None;
            result.Add(new StockBalanceView(r.b.LocationId, r.Code, r.Name, r.b.CommodityId, r.CommodityCode, r.CommodityName, r.PackLabel,
                r.b.Batch, r.b.ExpiresOn, r.b.Quantity, expiry, first));
        }
        return result;
    }

    /// <summary>Ledger lines at the staff member's locations, newest first, at most <see cref="MaxLines"/>, before line <paramref name="before"/> when given.</summary>
    public async Task<List<StockLineView>> MovementsAsync(int? locationId = null, int? commodityId = null, long? before = null, CancellationToken ct = default)
    {
        var lines = await (
            from m in db.StockMovements.AsNoTracking()
            join l in db.ScopedFoodLocations on m.LocationId equals l.Id
            where (locationId == null || m.LocationId == locationId) && (commodityId == null || m.CommodityId == commodityId) && (before == null || m.Id < before)
            orderby m.Id descending
            select m).Take(MaxLines).ToListAsync(ct);
        return [.. lines.Select(StockLineView.From)];
    }

    /// <summary>Every location's and commodity's code, for writing ledger lines out (codes are not personal).</summary>
    public async Task<StockCodes> CodesAsync(CancellationToken ct = default) => new(
        await db.FoodLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code, ct),
        await db.Commodities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct));
}

/// <summary>Codes by id.</summary>
public sealed record StockCodes(IReadOnlyDictionary<int, string> Locations, IReadOnlyDictionary<int, string> Commodities);
