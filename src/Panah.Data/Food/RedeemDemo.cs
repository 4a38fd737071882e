using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>
/// Distribution day in the demo: every field office has a distribution point, and each serves the approved demo
/// cycles, so the demo clerk (who works in every office) can redeem at once. Without an approved cycle (the cycles
/// part did not run) it only makes the points.
/// </summary>
public sealed class RedeemDemo(PanahDbContext db, AccessScope scope, AuditLog audit) : IDemoPart
{
    public int Order => 50;

    public string Name => "distribution points";

    public async Task SeedAsync(CancellationToken ct)
    {
        scope.Everything("demo: distribution points");
        var offices = await db.FieldOffices.AsNoTracking().OrderBy(o => o.Id).ToListAsync(ct);
        var points = await db.FoodLocations.Where(l => l.Kind == LocationKind.DistributionPoint).ToListAsync(ct);
        foreach (var office in offices.Where(o => !points.Any(p => p.FieldOfficeId == o.Id)))
        {
            var point = new FoodLocation { Code = $"DP-{office.Code}", Name = $"{office.Name} distribution point", Kind = LocationKind.DistributionPoint, FieldOfficeId = office.Id };
            db.FoodLocations.Add(point);
            points.Add(point);
        }
        await db.SaveChangesAsync(ct);
        var cycles = await db.DistributionCycles.Include(c => c.Points).Where(c => c.Status == CycleStatus.Approved).ToListAsync(ct);
        foreach (var cycle in cycles)
        {
            cycle.Points.AddRange(points.Where(p => p.Active && !cycle.Points.Any(c => c.LocationId == p.Id)).Select(p => new CyclePoint { CycleId = cycle.Id, LocationId = p.Id }));
        }
        await audit.SaveAsync(db, new AuditEvent("demo.seed", "food-location", null, $"points={points.Count} cycles={cycles.Count}"), ct);
    }
}
