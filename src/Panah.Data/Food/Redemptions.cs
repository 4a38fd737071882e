using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>
/// Records collections. Each entitlement is collected at most once per pack, and each idempotency key used once, by
/// the database alone (no lock in the process, so two app nodes are as safe as one): a unique (entitlement, round)
/// and a unique key on Redemptions, and a conditional UPDATE of EntitlementItems.CollectedPacks that only succeeds
/// while packs are left (a check constraint backs it). Whoever loses a race is answered from what the winner saved.
/// </summary>
public sealed partial class Redemptions(
    PanahDbContext db, Collectors collectors, CardLookup cards, AuditLog audit, TimeProvider clock, IEnumerable<IRedemptionPosting> postings)
{
    public const string KeyReused = "Redemption.KeyReused";
    public const string NotDue = "Redemption.NotDue";
    public const string CardNotActive = "Redemption.CardNotActive";
    public const string NotACollector = "Redemption.NotACollector";
    public const string PointNotInCycle = "Redemption.PointNotInCycle";
    public const string PointRequired = "Redemption.PointRequired";
    public const string OutOfStock = "Redemption.OutOfStock";

    public async Task<RedemptionOutcome> RedeemAsync(RedemptionRequest request, CancellationToken ct)
    {
        if (await ReplayAsync(request, ct) is { } replay)
        {
            return replay;
        }
        var e = await db.Entitlements.AsNoTracking().Include(x => x.Items).Include(x => x.Cycle!).ThenInclude(c => c.Programme)
            .FirstOrDefaultAsync(x => x.Id == request.EntitlementId, ct);
        if (e is null)
        {
            return new RedemptionOutcome.NotFound();
        }
        var (point, pointOutcome) = await PointAsync(e, request.LocationId, ct);
        if (pointOutcome is not null)
        {
            return pointOutcome;
        }
        if (e.Status == EntitlementStatus.Collected)
        {
            return await LostRaceAsync(request, ct);
        }
        if (e.Status != EntitlementStatus.Approved || e.Cycle!.Status != CycleStatus.Approved)
        {
            return new RedemptionOutcome.Refused(NotDue);
        }
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == e.HouseholdId, ct);
        if (household is null)
        {
            return new RedemptionOutcome.NotFound();
        }
        var card = await CardAsync(e.HouseholdId, request.Card, ct);
        if (card is null && request.Card is not null)
        {
            return new RedemptionOutcome.Refused(CardNotActive);
        }
        if (!await collectors.MayCollectAsync(household, request.CollectedBy, ct))
        {
            return new RedemptionOutcome.Invalid("collectedBy", NotACollector);
        }
        var (items, itemError) = CollectionRules.HandOver(e.Items.Select(i => new PacksDue(i.CommodityId, i.Packs, i.CollectedPacks)).ToList(), request.Items);
        if (itemError == CollectionRules.NothingDue)
        {
            return await LostRaceAsync(request, ct);
        }
        if (itemError is not null)
        {
            return new RedemptionOutcome.Invalid("items", itemError);
        }
        // Whole microseconds, as PostgreSQL keeps them: a replay shows the very time the first answer did.
        var ticks = clock.GetUtcNow().UtcTicks;
        var now = new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
        var rounds = await db.Redemptions.CountAsync(r => r.EntitlementId == e.Id, ct);
        // A household collects a few times a year: its times are read and compared here (SQLite cannot order by a DateTimeOffset).
        var lastOther = (await db.Redemptions.Where(r => r.HouseholdId == e.HouseholdId && r.EntitlementId != e.Id).Select(r => r.At).ToListAsync(ct))
            .Select(at => (DateTimeOffset?)at).Max();
        if (CollectionRules.Refusal(e.Cycle!.Programme!.MinDaysBetweenCollections, e.Cycle.Programme.OneCollectionPerCycle, rounds, lastOther, now) is { } refusal)
        {
            return new RedemptionOutcome.Refused(refusal);
        }
        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(),
            EntitlementId = e.Id,
            Round = rounds + 1,
            HouseholdId = e.HouseholdId,
            FieldOfficeId = e.FieldOfficeId,
            LocationId = point!.Id,
            CardId = card?.Id,
            CollectedByPersonId = request.CollectedBy,
            StaffUserId = db.Scope.StaffUserId ?? "system",
            At = now,
            IdempotencyKey = request.IdempotencyKey,
            Items = [.. items.Select(i => new RedemptionItem { CommodityId = i.CommodityId, Packs = i.Packs })],
        };
        return await SaveAsync(redemption, point.Name, request, ct);
    }
}
