using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Access;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>
/// Records collections. Each entitlement is collected at most once per pack, and each idempotency key used once, by
/// the database alone (no lock in the process, so two app nodes are as safe as one): a unique (entitlement, round)
/// and a unique key on Redemptions, and a conditional UPDATE of EntitlementItems.CollectedPacks that only succeeds
/// while packs are left (a check constraint backs it). Whoever loses a race is answered from what the winner saved.
/// A distribution day is the busiest write Panah has: a collection reads what it needs in three or four queries
/// and writes in one short transaction (see <see cref="SaveAsync"/>).
/// </summary>
public sealed partial class Redemptions(
    PanahDbContext db, Collectors collectors, CardLookup cards, AuditLog audit, ActingStaff acting, TimeProvider clock, IEnumerable<IRedemptionPosting> postings)
{
    public const string KeyReused = "Redemption.KeyReused";
    public const string NotDue = "Redemption.NotDue";
    public const string CardNotActive = "Redemption.CardNotActive";
    public const string NotACollector = "Redemption.NotACollector";
    public const string PointNotInCycle = "Redemption.PointNotInCycle";
    public const string PointRequired = "Redemption.PointRequired";
    public const string OutOfStock = "Redemption.OutOfStock";

    /// <summary>A distribution point of the clerk's offices serving the entitlement's cycle.</summary>
    private sealed record PointRow(int Id, string Name);

    /// <summary>
    /// What a collection needs to know of its entitlement, read in one query: the entitlement, the point (the one the
    /// clerk named, else those of their offices serving the cycle: a handful) and whether the collector is the head.
    /// </summary>
    private sealed record Due(
        Guid Id, Guid HouseholdId, int FieldOfficeId, int CycleId, EntitlementStatus Status, CycleStatus CycleStatus,
        int MinDaysBetweenCollections, bool OneCollectionPerCycle, bool HouseholdShown, Guid? ActiveCardId, int Rounds, List<PacksDue> Items,
        List<PointRow> Points, bool NamedPointShown, bool CollectorIsHead);

    /// <summary>
    /// The entitlement as a collection needs it, in one query compiled once: every collection runs it, and a LINQ query
    /// pays for building, funcletizing and looking up its expression tree each time it runs. The point and the head
    /// ride along (one round trip, not three); the point's rule is <see cref="PointsInScope"/>'s, and the head's is
    /// <see cref="Collectors"/>' (an unmerged, unerased person heading the household); anyone else is asked of <see cref="Collectors"/>.
    /// </summary>
    /// <remarks>Compiled per model: a compiled query serves one model only, and one process may hold two (SQLite and PostgreSQL in the tests).</remarks>
    private static Func<PanahDbContext, Guid, int?, Guid, bool, int[], CancellationToken, Task<Due?>> DueOf(PanahDbContext context) => DueQueries.GetOrAdd(context.Model, _ => EF.CompileAsyncQuery(
        (PanahDbContext db, Guid id, int? location, Guid collectedBy, bool allOffices, int[] offices, CancellationToken ct) => db.Entitlements.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new Due(
                x.Id, x.HouseholdId, x.FieldOfficeId, x.CycleId, x.Status, x.Cycle!.Status,
                x.Cycle.Programme!.MinDaysBetweenCollections, x.Cycle.Programme.OneCollectionPerCycle,
                db.Households.Any(h => h.Id == x.HouseholdId),
                db.FoodCards.Where(c => c.HouseholdId == x.HouseholdId && c.Status == CardStatus.Active).Select(c => (Guid?)c.Id).FirstOrDefault(),
                db.Redemptions.Count(r => r.EntitlementId == x.Id),
                x.Items.Select(i => new PacksDue(i.CommodityId, i.Packs, i.CollectedPacks)).ToList(),
                db.Set<CyclePoint>().Where(c => c.CycleId == x.CycleId && (location == null || c.LocationId == location)
                        && c.Location!.Kind == LocationKind.DistributionPoint && c.Location.Active && (allOffices || offices.Contains(c.Location.FieldOfficeId)))
                    .Select(c => new PointRow(c.LocationId, c.Location!.Name)).ToList(),
                location != null && db.FoodLocations.Any(l => l.Id == location && l.Kind == LocationKind.DistributionPoint && l.Active && (allOffices || offices.Contains(l.FieldOfficeId))),
                db.Households.Any(h => h.Id == x.HouseholdId && h.HeadPersonId == collectedBy)
                    && db.People.Any(p => p.Id == collectedBy && p.HouseholdId == x.HouseholdId && p.MergedIntoId == null && p.Key!.Wrapped != null)))
            .FirstOrDefault()));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<PanahDbContext, Guid, int?, Guid, bool, int[], CancellationToken, Task<Due?>>> DueQueries = new();

    public async Task<RedemptionOutcome> RedeemAsync(RedemptionRequest request, CancellationToken ct)
    {
        var outcome = await AttemptAsync(request, ct);
        // A retried request gets the answer its first attempt got, whatever has changed since (the packs gone, the
        // card revoked): the key's redemption is looked up only when this attempt did not record one itself.
        return outcome is RedemptionOutcome.Redeemed ? outcome : await ReplayAsync(request, ct) ?? outcome;
    }

    private async Task<RedemptionOutcome> AttemptAsync(RedemptionRequest request, CancellationToken ct)
    {
        var e = await DueOf(db)(db, request.EntitlementId, request.LocationId, request.CollectedBy, db.Scope.AllOffices, db.Scope.OfficeIds, ct);
        if (e is null || !e.HouseholdShown)
        {
            return new RedemptionOutcome.NotFound();
        }
        var (point, pointOutcome) = PointOf(e, request.LocationId);
        if (pointOutcome is not null)
        {
            return pointOutcome;
        }
        if (e.Status == EntitlementStatus.Collected)
        {
            return await CollectedAsync(e.Id, ct);
        }
        if (e.Status != EntitlementStatus.Approved || e.CycleStatus != CycleStatus.Approved)
        {
            return new RedemptionOutcome.Refused(NotDue);
        }
        var cardId = request.Card is null ? e.ActiveCardId : await ShownCardAsync(e.HouseholdId, request.Card, ct);
        if (cardId is null && request.Card is not null)
        {
            return new RedemptionOutcome.Refused(CardNotActive);
        }
        if (!e.CollectorIsHead && !await collectors.MayCollectAsync(e.HouseholdId, request.CollectedBy, ct))
        {
            return new RedemptionOutcome.Invalid("collectedBy", NotACollector);
        }
        var (items, itemError) = CollectionRules.HandOver(e.Items, request.Items);
        if (itemError == CollectionRules.NothingDue)
        {
            return await CollectedAsync(e.Id, ct);
        }
        if (itemError is not null)
        {
            return new RedemptionOutcome.Invalid("items", itemError);
        }
        // The rule on other entitlements is checked again under the household's lock (SaveAsync): this one spares the write.
        if (CollectionRules.Refusal(0, e.OneCollectionPerCycle, e.Rounds, null, Now()) is { } refusal)
        {
            return new RedemptionOutcome.Refused(refusal);
        }
        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(),
            EntitlementId = e.Id,
            Round = e.Rounds + 1,
            HouseholdId = e.HouseholdId,
            FieldOfficeId = e.FieldOfficeId,
            LocationId = point!.Id,
            CardId = cardId,
            CollectedByPersonId = request.CollectedBy,
            StaffUserId = acting.Id,
            At = Now(),
            IdempotencyKey = request.IdempotencyKey,
            Items = [.. items.Select(i => new RedemptionItem { CommodityId = i.CommodityId, Packs = i.Packs })],
        };
        return await SaveAsync(e, redemption, point.Name, ct);
    }

    /// <summary>
    /// The point the clerk works at: an active distribution point of their offices (else not found), serving the
    /// entitlement's cycle. Without one named, the clerk's only point serving the cycle.
    /// </summary>
    private static (PointRow? Point, RedemptionOutcome? Outcome) PointOf(Due due, int? named)
    {
        if (named is not null)
        {
            return !due.NamedPointShown ? (null, new RedemptionOutcome.NotFound())
                : due.Points.Count == 1 ? (due.Points[0], null)
                : (null, new RedemptionOutcome.Refused(PointNotInCycle));
        }
        return due.Points.Count == 1 ? (due.Points[0], null) : (null, new RedemptionOutcome.Invalid("locationId", PointRequired));
    }

    /// <summary>Whole microseconds, as PostgreSQL keeps them: a replay shows the very time the first answer did.</summary>
    private DateTimeOffset Now()
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
