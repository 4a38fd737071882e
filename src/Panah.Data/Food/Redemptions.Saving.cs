using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Audit;

namespace Panah.Data.Food;

// Saving one collection, and answering from the database when another request got there first.
public sealed partial class Redemptions
{
    /// <summary>
    /// Writes a collection in one transaction, its locks taken in the same order by every writer and held as briefly
    /// as possible: the household (only when a programme spaces collections out), the entitlement row (its state, so
    /// a cancellation and a collection never both succeed), its packs (one conditional UPDATE for all items), a lane of
    /// the audit chain, and last the point's stock, the rows every collection at the point needs.
    /// </summary>
    private async Task<RedemptionOutcome> SaveAsync(Due due, Redemption redemption, string point, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Any failure of the save below rolls the whole transaction back: EF's savepoint around it would only add
            // two round trips while this transaction holds the point's stock rows.
            db.Database.AutoSavepointsEnabled = false;
            if (due.MinDaysBetweenCollections > 0 && await TooSoonAsync(due, redemption.At, ct) is { } refusal)
            {
                await transaction.RollbackAsync(ct);
                return new RedemptionOutcome.Refused(refusal);
            }
            var finished = due.Items.All(i => i.Remaining == redemption.Items.Where(r => r.CommodityId == i.CommodityId).Sum(r => r.Packs));
            var current = await db.Entitlements.Where(x => x.Id == due.Id && x.Status == EntitlementStatus.Approved)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, finished ? EntitlementStatus.Collected : EntitlementStatus.Approved)
                    .SetProperty(x => x.UpdatedAt, redemption.At).SetProperty(x => x.Version, x => x.Version + 1), ct);
            if (current == 0 || await ClaimAsync(redemption, ct) < redemption.Items.Count)
            {
                // Cancelled, expired or collected since it was read; or another clerk took some of these packs first.
                await transaction.RollbackAsync(ct);
                return await CollectedAsync(due.Id, ct) is RedemptionOutcome.AlreadyCollected collected ? collected : new RedemptionOutcome.Refused(NotDue);
            }
            db.Redemptions.Add(redemption);
            // No people named: a collection shows nobody (the look-up before it was audited and counted), and a read
            // budget spent here would take its own connection while this transaction holds SQLite's write lock.
            // Who collected is on the redemption row itself.
            await audit.AddAsync(db, new AuditEvent("food.redemption", "redemption", redemption.Id.ToString(), $"entitlement={redemption.EntitlementId} round={redemption.Round} location={redemption.LocationId}"), ct);
            // The point's stock last: every collection at the point needs those rows, so they are held only through
            // the save and the commit, not while this one waits for anything else.
            foreach (var posting in postings)
            {
                await posting.PostAsync(db, redemption, ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (StockShortageException)
        {
            // The point lacks some of the packs: nothing of the collection is kept; the clerk hands over what is there as a partial one.
            db.ChangeTracker.Clear();
            return new RedemptionOutcome.Refused(OutOfStock);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The unique (entitlement, round) or the unique key: someone else's collection, or this key's first attempt, won.
            db.ChangeTracker.Clear();
            return await CollectedAsync(due.Id, ct);
        }
        return new RedemptionOutcome.Redeemed(View(redemption, point));
    }

    /// <summary>
    /// Adds the packs handed over to the entitlement's collected packs, each only while that many are still due, in
    /// one statement: of two clerks handing over the same packs, the second updates fewer rows than it has items.
    /// </summary>
    private async Task<int> ClaimAsync(Redemption redemption, CancellationToken ct)
    {
        var sql = new SqlArgs();
        var entitlement = sql.Add(redemption.EntitlementId);
        var packs = new System.Text.StringBuilder("CASE \"CommodityId\"");
        var ids = new List<string>();
        foreach (var item in redemption.Items)
        {
            var commodity = sql.Add(item.CommodityId);
            packs.Append($" WHEN {commodity} THEN {sql.Add(item.Packs)}");
            ids.Add(commodity);
        }
        packs.Append(" ELSE 0 END");
        return await db.Database.ExecuteSqlAsync(sql.Sql($"""
            UPDATE "EntitlementItems" SET "CollectedPacks" = "CollectedPacks" + ({packs})
            WHERE "EntitlementId" = {entitlement} AND "CommodityId" IN ({string.Join(", ", ids)}) AND "CollectedPacks" + ({packs}) <= "Packs"
            """), ct);
    }

    /// <summary>
    /// The programme's spacing rule against the household's collections of other entitlements, under a lock on the
    /// household (PostgreSQL's advisory lock; SQLite's transaction already holds the only write lock), so two clerks
    /// serving one household from two cycles at once cannot both pass it.
    /// </summary>
    private async Task<string?> TooSoonAsync(Due due, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HouseholdLockSpace}, hashtext({due.HouseholdId.ToString()}))", ct);
        }
        // A household collects a few times a year: its times are read and compared here (SQLite cannot order by a DateTimeOffset).
        var lastOther = (await db.Redemptions.Where(r => r.HouseholdId == due.HouseholdId && r.EntitlementId != due.Id).Select(r => r.At).ToListAsync(ct))
            .Select(at => (DateTimeOffset?)at).Max();
        return CollectionRules.Refusal(due.MinDaysBetweenCollections, false, 0, lastOther, now);
    }

    /// <summary>The first key of the two-key advisory locks on households ("hh" as bytes); the audit chain's single-key lock is a separate space.</summary>
    private const int HouseholdLockSpace = 0x6868;

    /// <summary>The answer already given for this key: the same redemption, or a refusal when the key was used for another entitlement.</summary>
    private async Task<RedemptionOutcome?> ReplayAsync(RedemptionRequest request, CancellationToken ct)
    {
        var earlier = await db.Redemptions.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.IdempotencyKey == request.IdempotencyKey, ct);
        if (earlier is null)
        {
            return null;
        }
        if (earlier.EntitlementId != request.EntitlementId)
        {
            return new RedemptionOutcome.Refused(KeyReused);
        }
        var point = await db.FoodLocations.AsNoTracking().Where(l => l.Id == earlier.LocationId).Select(l => l.Name).SingleAsync(ct);
        return new RedemptionOutcome.Redeemed(View(earlier, point));
    }

    /// <summary>The entitlement's latest collection (when, where, which clerk); a refusal when there is none (the key was taken elsewhere).</summary>
    private async Task<RedemptionOutcome> CollectedAsync(Guid entitlementId, CancellationToken ct)
    {
        var last = await LastCollectionAsync(db, entitlementId, ct);
        return last is null ? new RedemptionOutcome.Refused(KeyReused) : new RedemptionOutcome.AlreadyCollected(last);
    }

    /// <summary>The latest collection of an entitlement, or null.</summary>
    public static async Task<CollectedView?> LastCollectionAsync(PanahDbContext db, Guid entitlementId, CancellationToken ct) =>
        await (from r in db.Redemptions.AsNoTracking()
               where r.EntitlementId == entitlementId
               orderby r.Round descending
               join l in db.FoodLocations on r.LocationId equals l.Id
               select new CollectedView(r.At, r.LocationId, l.Name, db.Users.Where(u => u.Id == r.StaffUserId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);

    private static RedemptionView View(Redemption r, string point) => new(
        r.Id, r.EntitlementId, r.Round, r.CollectedByPersonId, r.LocationId, point, r.At,
        [.. r.Items.OrderBy(i => i.CommodityId).Select(i => new PacksHanded(i.CommodityId, i.Packs))]);
}
