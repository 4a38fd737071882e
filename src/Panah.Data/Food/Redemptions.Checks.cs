using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

// The point and the card of a collection.
public sealed partial class Redemptions
{
    /// <summary>
    /// The point the clerk works at: an active distribution point of their offices (else not found), serving the
    /// entitlement's cycle. Without one named, the clerk's only point serving the cycle.
    /// </summary>
    private async Task<(FoodLocation? Point, RedemptionOutcome? Outcome)> PointAsync(Entitlement e, int? locationId, CancellationToken ct)
    {
        var points = PointsInScope();
        var serving = db.Set<CyclePoint>().Where(c => c.CycleId == e.CycleId).Select(c => c.LocationId);
        if (locationId is { } id)
        {
            var point = await points.FirstOrDefaultAsync(l => l.Id == id, ct);
            if (point is null)
            {
                return (null, new RedemptionOutcome.NotFound());
            }
            return await serving.ContainsAsync(id, ct) ? (point, null) : (null, new RedemptionOutcome.Refused(PointNotInCycle));
        }
        var candidates = await points.Where(l => serving.Contains(l.Id)).Take(2).ToListAsync(ct);
        return candidates.Count == 1 ? (candidates[0], null) : (null, new RedemptionOutcome.Invalid("locationId", PointRequired));
    }

    /// <summary>The active distribution points of the clerk's offices, by name: where they may record collections.</summary>
    public async Task<IReadOnlyList<PointView>> PointsAsync(CancellationToken ct) =>
        await PointsInScope().OrderBy(l => l.Name).ThenBy(l => l.Id).Select(l => new PointView(l.Id, l.Code, l.Name)).ToListAsync(ct);

    private IQueryable<FoodLocation> PointsInScope()
    {
        var scope = db.Scope;
        return db.FoodLocations.AsNoTracking().Where(l => l.Kind == LocationKind.DistributionPoint && l.Active
            && (scope.AllOffices || scope.OfficeIds.Contains(l.FieldOfficeId)));
    }

    /// <summary>The card shown (it must be active and the household's), or without one, the household's active card if it has one.</summary>
    private async Task<FoodCard?> CardAsync(Guid householdId, string? shown, CancellationToken ct)
    {
        if (shown is null)
        {
            return await db.FoodCards.AsNoTracking().FirstOrDefaultAsync(c => c.HouseholdId == householdId && c.Status == CardStatus.Active, ct);
        }
        var card = await cards.FindActiveAsync(shown, ct);
        return card?.HouseholdId == householdId ? card : null;
    }
}
