using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>Packs of one commodity on an entitlement: due in all and collected so far.</summary>
public sealed record DueItem(int CommodityId, string Commodity, string PackLabel, int Packs, int Collected)
{
    public int Remaining => Packs - Collected;
}

/// <summary>An approved entitlement with packs still due.</summary>
public sealed record DueEntitlement(Guid EntitlementId, int CycleId, string Cycle, DateOnly EndsOn, IReadOnlyList<DueItem> Items);

/// <summary>
/// What a clerk sees for a card: the household, who may collect (names only when the clerk's fields show them),
/// how many members, what is due, and the last collection. <see cref="Shown"/> is the field set it was cut to.
/// </summary>
public sealed record CardDue(
    string CardNumber, Guid HouseholdId, string HouseholdCode, int Members, IReadOnlyList<EligibleCollector> Collectors,
    IReadOnlyList<DueEntitlement> Due, CollectedView? LastCollection, RegistryFields Shown);

/// <summary>Looks up what is due on a card, within the request's access scope; each look-up is audited (ids only).</summary>
public sealed class CardDues(PanahDbContext db, CardLookup cards, Collectors collectors, AuditLog audit)
{
    public async Task<CardDue?> FindAsync(string numberOrToken, CancellationToken ct)
    {
        var card = await cards.FindActiveAsync(numberOrToken, ct);
        var household = card is null ? null : await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == card.HouseholdId, ct);
        if (card is null || household is null)
        {
            return null;
        }
        var fields = db.Scope.Fields;
        var who = await collectors.OfAsync(household, fields.Shows(RegistryFields.HeadName), ct);
        var due = await db.Entitlements.AsNoTracking()
            .Where(e => e.HouseholdId == household.Id && e.Status == EntitlementStatus.Approved && e.Cycle!.Status == CycleStatus.Approved)
            .OrderBy(e => e.Cycle!.StartsOn).ThenBy(e => e.Id)
            .Select(e => new DueEntitlement(e.Id, e.CycleId, e.Cycle!.Name, e.Cycle.EndsOn,
                e.Items.OrderBy(i => i.CommodityId).Select(i => new DueItem(i.CommodityId, i.Commodity!.Name, i.Commodity.PackLabel, i.Packs, i.CollectedPacks)).ToList()))
            .ToListAsync(ct);
        // Few per household; compared here, as SQLite cannot order by a DateTimeOffset.
        var collections = await db.Redemptions.AsNoTracking().Where(r => r.HouseholdId == household.Id).Select(r => new { r.At, r.EntitlementId }).ToListAsync(ct);
        var last = collections.OrderByDescending(r => r.At).FirstOrDefault();
        var lastCollection = last is null ? null : await Redemptions.LastCollectionAsync(db, last.EntitlementId, ct);
        await audit.SaveAsync(db, new AuditEvent("food.card.view", "household", household.Id.ToString(), $"card={card.Id}")
        {
            People = [.. who.Where(c => c.Name is not null).Select(c => c.PersonId)],
        }, ct);
        return new CardDue(
            card.Number, household.Id, fields.Shows(RegistryFields.HouseholdCode) ? household.Code : "",
            fields.Shows(RegistryFields.MemberCount) ? household.MemberCount : 0, who,
            [.. due.Where(d => d.Items.Any(i => i.Remaining > 0))], lastCollection, fields);
    }
}
