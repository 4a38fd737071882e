using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

// The point and the card of a collection.
public sealed partial class Redemptions
{
    /// <summary>
    /// The point the clerk works at: an active distribution point of their offices (else not found), serving the
    /// entitlement's cycle. Without one named, the clerk's only point serving the cycle. One query either way.
    /// </summary>
    private async Task<(FoodLocation? Point, RedemptionOutcome? Outcome)> PointAsync(int cycleId, int? locationId, CancellationToken ct)
    {
        var serving = db.Set<CyclePoint>().Where(c => c.CycleId == cycleId).Select(c => c.LocationId);
        if (locationId is { } id)
        {
            var named = await PointsInScope().Where(l => l.Id == id).Select(l => new { Point = l, Serves = serving.Contains(l.Id) }).FirstOrDefaultAsync(ct);
            return named is null ? (null, new RedemptionOutcome.NotFound())
                : named.Serves ? (named.Point, null)
                : (null, new RedemptionOutcome.Refused(PointNotInCycle));
        }
        var candidates = await PointsInScope().Where(l => serving.Contains(l.Id)).Take(2).ToListAsync(ct);
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

    /// <summary>The card shown, when it is active and the household's.</summary>
    private async Task<Guid?> ShownCardAsync(Guid householdId, string shown, CancellationToken ct)
    {
        var card = await cards.FindActiveAsync(shown, ct);
        return card?.HouseholdId == householdId ? card.Id : null;
    }
}
