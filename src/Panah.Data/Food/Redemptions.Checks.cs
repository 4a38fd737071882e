using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

// The point and the card of a collection.
public sealed partial class Redemptions
{
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
