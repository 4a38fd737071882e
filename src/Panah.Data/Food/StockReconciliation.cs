using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

/// <summary>
/// One point (or office) and commodity of a cycle: packs entitled, collected and moved out of stock. Entitlements
/// belong to a household's office, not to a point, so they are counted at the cycle's point of that office; an office
/// the cycle serves through several points (or none) has its entitled packs on a row of its own, without a point.
/// </summary>
public sealed record ReconciliationRow(
    int? LocationId, string Place, int CommodityId, string CommodityName, string PackLabel, int Entitled, int Collected, int Moved)
{
    /// <summary>Packs still due: entitled but not collected.</summary>
    public int Outstanding => Entitled - Collected;

    /// <summary>Collected packs the ledger does not show leaving stock (positive), or stock moved beyond what was collected (negative).</summary>
    public int Unposted => Collected - Moved;

    public bool HasDifference => Unposted != 0 || (LocationId is not null && Entitled != Collected);
}

public sealed record CycleReconciliation(int CycleId, string CycleName, IReadOnlyList<ReconciliationRow> Rows);

/// <summary>A cycle: its id and name, for the report's picker.</summary>
public sealed record CycleChoice(int Id, string Name);

/// <summary>
/// Entitled vs collected vs stock moved for one cycle, by point and commodity, over the offices in the access scope
/// (aggregates only: no household is named).
/// </summary>
public sealed class StockReconciliation(PanahDbContext db)
{
    public Task<List<CycleChoice>> CyclesAsync(CancellationToken ct = default) =>
        db.DistributionCycles.AsNoTracking().Where(c => c.Status != CycleStatus.Draft).OrderByDescending(c => c.Id)
            .Select(c => new CycleChoice(c.Id, c.Name)).ToListAsync(ct);

    public async Task<CycleReconciliation?> ForCycleAsync(int cycleId, CancellationToken ct = default)
    {
        var cycle = await db.DistributionCycles.AsNoTracking().Where(c => c.Id == cycleId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct);
        if (cycle is null)
        {
            return null;
        }
        var entitled = await (
            from i in db.EntitlementItems
            join e in db.Entitlements on i.EntitlementId equals e.Id
            where e.CycleId == cycleId && (e.Status == EntitlementStatus.Approved || e.Status == EntitlementStatus.Collected)
            group i by new { e.FieldOfficeId, i.CommodityId } into g
            select new { g.Key.FieldOfficeId, g.Key.CommodityId, Packs = g.Sum(x => x.Packs) }).ToListAsync(ct);
        var collected = await (
            from ri in db.Set<RedemptionItem>()
            join r in db.Redemptions on ri.RedemptionId equals r.Id
            join e in db.Entitlements on r.EntitlementId equals e.Id
            where e.CycleId == cycleId
            group ri by new { r.LocationId, ri.CommodityId } into g
            select new { g.Key.LocationId, g.Key.CommodityId, Packs = g.Sum(x => x.Packs) }).ToListAsync(ct);
        var moved = await (
            from m in db.StockMovements
            join r in db.Redemptions on m.RedemptionId equals (Guid?)r.Id
            join e in db.Entitlements on r.EntitlementId equals e.Id
            where e.CycleId == cycleId && m.Kind == StockMovementKind.Distribution
            group m by new { m.LocationId, m.CommodityId } into g
            select new { g.Key.LocationId, g.Key.CommodityId, Packs = -g.Sum(x => x.Packs) }).ToListAsync(ct);

        var points = await (
            from p in db.DistributionCycles.Where(c => c.Id == cycleId).SelectMany(c => c.Points)
            join l in db.FoodLocations on p.LocationId equals l.Id
            select new { l.Id, l.FieldOfficeId }).ToListAsync(ct);
        var locations = await db.ScopedFoodLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Code + " · " + l.Name, ct);
        var offices = await db.FieldOffices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var commodities = await db.Commodities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => new { c.Name, c.PackLabel }, ct);

        // Key: a point's id, or minus an office's id for an office without a single point in the cycle.
        var rows = new Dictionary<(int Place, int Commodity), Tally>();
        Tally At(int place, int commodity) => rows.TryGetValue((place, commodity), out var t) ? t : rows[(place, commodity)] = new Tally();
        foreach (var x in entitled)
        {
            var officePoints = points.Where(p => p.FieldOfficeId == x.FieldOfficeId).Select(p => p.Id).ToList();
            At(officePoints.Count == 1 ? officePoints[0] : -x.FieldOfficeId, x.CommodityId).Entitled += x.Packs;
        }
        foreach (var x in collected.Where(c => locations.ContainsKey(c.LocationId)))
        {
            At(x.LocationId, x.CommodityId).Collected += x.Packs;
        }
        foreach (var x in moved.Where(m => locations.ContainsKey(m.LocationId)))
        {
            At(x.LocationId, x.CommodityId).Moved += x.Packs;
        }
        var result = rows
            .Where(r => r.Key.Place < 0 || locations.ContainsKey(r.Key.Place))
            .Select(r => new ReconciliationRow(
                r.Key.Place > 0 ? r.Key.Place : null,
                r.Key.Place > 0 ? locations[r.Key.Place] : offices.GetValueOrDefault(-r.Key.Place, "?"),
                r.Key.Commodity, commodities[r.Key.Commodity].Name, commodities[r.Key.Commodity].PackLabel,
                r.Value.Entitled, r.Value.Collected, r.Value.Moved))
            .OrderBy(r => r.LocationId is null).ThenBy(r => r.Place, StringComparer.Ordinal).ThenBy(r => r.CommodityName, StringComparer.Ordinal)
            .ToList();
        return new CycleReconciliation(cycle.Id, cycle.Name, result);
    }

    private sealed class Tally
    {
        public int Entitled { get; set; }
        public int Collected { get; set; }
        public int Moved { get; set; }
    }
}
