using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Audit;

namespace Panah.Data.Food;

// Saving one collection, and answering from the database when another request got there first.
public sealed partial class Redemptions
{
    private async Task<RedemptionOutcome> SaveAsync(Redemption redemption, string point, RedemptionRequest request, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var item in redemption.Items)
            {
                // Counts only while the packs are still due: of two clerks handing over the same packs, the second updates nothing.
                var updated = await db.EntitlementItems
                    .Where(i => i.EntitlementId == redemption.EntitlementId && i.CommodityId == item.CommodityId && i.CollectedPacks + item.Packs <= i.Packs)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.CollectedPacks, i => i.CollectedPacks + item.Packs), ct);
                if (updated == 0)
                {
                    await transaction.RollbackAsync(ct);
                    return await LostRaceAsync(request, ct);
                }
            }
            db.Redemptions.Add(redemption);
            foreach (var posting in postings)
            {
                await posting.PostAsync(db, redemption, ct);
            }
            if (!await db.EntitlementItems.AnyAsync(i => i.EntitlementId == redemption.EntitlementId && i.CollectedPacks < i.Packs, ct))
            {
                await db.Entitlements.Where(x => x.Id == redemption.EntitlementId && x.Status == EntitlementStatus.Approved)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, EntitlementStatus.Collected).SetProperty(x => x.UpdatedAt, redemption.At)
                        .SetProperty(x => x.Version, x => x.Version + 1), ct);
            }
            // No people named: a collection shows nobody (the look-up before it was audited and counted), and a read
            // budget spent here would take its own connection while this transaction holds SQLite's write lock.
            // Who collected is on the redemption row itself.
            await audit.SaveAsync(db, new AuditEvent("food.redemption", "redemption", redemption.Id.ToString(), $"entitlement={redemption.EntitlementId} round={redemption.Round} location={redemption.LocationId}"), ct);
            await transaction.CommitAsync(ct);
        }
        catch (StockShortageException)
        {
            // The point lacks some of the packs: nothing of the collection is kept; the clerk hands over what is there as a partial one.
            db.ChangeTracker.Clear();
            return new RedemptionOutcome.Refused(OutOfStock);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // The unique (entitlement, round) or the unique key: someone else's collection, or this key's first attempt, won.
            db.ChangeTracker.Clear();
            return await LostRaceAsync(request, ct);
        }
        return new RedemptionOutcome.Redeemed(View(redemption, point));
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY; PostgreSQL's unique_violation.
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Answers a request that found nothing left to collect: the same key's own answer if it won meanwhile (a retry racing its first attempt), else when, where and by whom.</summary>
    private async Task<RedemptionOutcome> LostRaceAsync(RedemptionRequest request, CancellationToken ct) =>
        await ReplayAsync(request, ct) ?? await CollectedAsync(request.EntitlementId, ct);

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
