using Microsoft.EntityFrameworkCore;
using Panah.Core.Reporting;
using Panah.Data.Food;

namespace Panah.Data.Dashboards;

/// <summary>
/// Food assistance per distribution cycle starting in the period, in the viewer's scope and counted in the database:
/// people in the households that collected, tonnes collected, the collection rate and the CARI of the monitoring surveys
/// (small counts hidden as on the monitoring dashboard).
/// </summary>
public sealed class FoodDashboard(PanahDbContext db, MonitoringOptions monitoring)
{
    public async Task<FoodFigures> ForAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var (from, end, office) = (filter.From, filter.End, filter.OfficeId);
        var cycles = await db.DistributionCycles.AsNoTracking().Where(c => c.StartsOn >= from && c.StartsOn < end)
            .OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name, c.StartsOn }).ToListAsync(ct);
        var ids = cycles.Select(c => c.Id).ToArray();
        var entitlements = db.Entitlements.AsNoTracking().Where(e => ids.Contains(e.CycleId) && (office == null || e.FieldOfficeId == office));

        var (collected, approved, expired) = (EntitlementStatus.Collected, EntitlementStatus.Approved, EntitlementStatus.Expired);
        var counts = await entitlements.GroupBy(e => e.CycleId).Select(g => new
        {
            CycleId = g.Key,
            Collected = g.Count(e => e.Status == collected),
            Approved = g.Count(e => e.Status == collected || e.Status == approved || e.Status == expired),
        }).ToListAsync(ct);
        // People reached: the members of every household that collected at least once in the cycle.
        var reached = await entitlements.Where(e => db.Redemptions.Any(r => r.EntitlementId == e.Id)).GroupBy(e => e.CycleId)
            .Select(g => new { CycleId = g.Key, People = g.Sum(e => e.Members) }).ToListAsync(ct);
        var grams = await (from i in db.EntitlementItems
                           join e in entitlements on i.EntitlementId equals e.Id
                           join c in db.Commodities on i.CommodityId equals c.Id
                           where i.CollectedPacks > 0
                           group new { i.CollectedPacks, c.PackGrams } by e.CycleId into g
                           select new { CycleId = g.Key, Grams = g.Sum(x => (long)x.CollectedPacks * x.PackGrams) }).ToListAsync(ct);

        var cari = await db.PdmSurveys.AsNoTracking().Where(s => ids.Contains(s.CycleId) && (office == null || s.FieldOfficeId == office))
            .GroupBy(s => s.Cari).Select(g => new { Cari = g.Key, Count = g.Count() }).ToListAsync(ct);
        var row = new int[1, 4];
        foreach (var c in cari.Where(c => c.Cari is >= 1 and <= 4))
        {
            row[0, c.Cari!.Value - 1] = c.Count;
        }
        var suppressed = SuppressedTable.Suppress(row, monitoring.SuppressBelow);

        return new FoodFigures(
            [.. cycles.Select(c =>
            {
                var n = counts.FirstOrDefault(x => x.CycleId == c.Id);
                return new CycleFigures(c.Id, c.Name, c.StartsOn, reached.FirstOrDefault(x => x.CycleId == c.Id)?.People ?? 0,
                    (grams.FirstOrDefault(x => x.CycleId == c.Id)?.Grams ?? 0) / 1_000_000m, n?.Collected ?? 0, n?.Approved ?? 0);
            })],
            new CariFigures(cari.Sum(c => c.Count), [.. Enumerable.Range(0, 4).Select(i => suppressed.Cell(0, i))], monitoring.SuppressBelow));
    }
}
