using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;

namespace Panah.Data.Matching;

/// <summary>
/// People whose household has an approved food entitlement not yet fully collected: a wrong merge or a duplicate left
/// standing changes what a family collects this cycle.
/// </summary>
public sealed class OpenEntitlementStake(PanahDbContext db) : IReviewStake
{
    public string Name => "openEntitlement";

    public async Task<IReadOnlySet<Guid>> PeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        if (people.Count == 0)
        {
            return new HashSet<Guid>();
        }
        var open = db.Entitlements.Where(e => e.Status == EntitlementStatus.Approved).Select(e => e.HouseholdId);
        var found = new HashSet<Guid>();
        // In slices: a parameter list per query stays well under both providers' limits.
        foreach (var slice in people.Chunk(1000))
        {
            found.UnionWith(await db.People.AsNoTracking().Where(p => slice.Contains(p.Id) && open.Contains(p.HouseholdId)).Select(p => p.Id).ToListAsync(ct));
        }
        return found;
    }
}
