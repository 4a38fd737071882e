using Microsoft.EntityFrameworkCore;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>Packs taken from one batch by a withdrawal.</summary>
public sealed record TakenBatch(string Batch, DateOnly? ExpiresOn, int Packs);

/// <summary>
/// The two writes every posting is made of, on the caller's transaction: put packs into a batch, and take packs out
/// earliest expiry first. Both are single conditional statements, so they hold on SQLite and PostgreSQL with any
/// number of app nodes, without in-process locks.
/// </summary>
internal static class StockBatches
{
    /// <summary>Re-reads after losing a race to another posting; past this many the posting gives up rather than spin.</summary>
    private const int Attempts = 20;

    /// <summary>Batches in first-expiry-first-out order: the earliest date first, undated stock last.</summary>
    public static IOrderedQueryable<StockBalance> FirstExpiryFirst(this IQueryable<StockBalance> balances) =>
        balances.OrderBy(b => b.ExpiresOn == null).ThenBy(b => b.ExpiresOn).ThenBy(b => b.Batch);

    public static async Task PutAsync(PanahDbContext db, int location, int commodity, string batch, DateOnly? expiresOn, int packs, CancellationToken ct)
    {
        RequireTransaction(db);
        // Creates the batch's row at zero if it is new; two postings creating it at once both find it afterwards.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "StockBalances" ("LocationId", "CommodityId", "Batch", "ExpiresOn", "Quantity", "Version") VALUES ({location}, {commodity}, {batch}, {expiresOn}, 0, 0) ON CONFLICT ("LocationId", "CommodityId", "Batch") DO NOTHING""",
            ct);
        var updated = await db.StockBalances
            .Where(b => b.LocationId == location && b.CommodityId == commodity && b.Batch == batch && b.ExpiresOn == expiresOn)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Quantity, b => b.Quantity + packs).SetProperty(b => b.Version, b => b.Version + 1), ct);
        if (updated == 0)
        {
            // The batch is already here with another expiry date: one of the two is a typing slip.
            throw new FieldException("expiresOn", "Stock.BatchExpiryDiffers");
        }
    }

    /// <summary>
    /// Takes <paramref name="packs"/> from <paramref name="batch"/>, or without a batch from the earliest-expiring
    /// batches first, possibly several. Throws <see cref="StockShortageException"/> when there are not enough, unless
    /// <paramref name="takeWhatThereIs"/>, when it takes what there is.
    /// </summary>
    public static async Task<List<TakenBatch>> TakeAsync(
        PanahDbContext db, int location, int commodity, string? batch, int packs, bool takeWhatThereIs, CancellationToken ct)
    {
        RequireTransaction(db);
        var taken = new List<TakenBatch>();
        var remaining = packs;
        for (var attempt = 1; remaining > 0; attempt++)
        {
            var candidates = await db.StockBalances.AsNoTracking()
                .Where(b => b.LocationId == location && b.CommodityId == commodity && b.Quantity > 0 && (batch == null || b.Batch == batch))
                .FirstExpiryFirst().ToListAsync(ct);
            var available = candidates.Sum(b => b.Quantity);
            if (available < remaining && !takeWhatThereIs)
            {
                throw new StockShortageException(location, commodity, remaining - available);
            }
            if (available == 0 || attempt > Attempts)
            {
                if (takeWhatThereIs)
                {
                    return taken;
                }
                throw new StockShortageException(location, commodity, remaining);
            }
            foreach (var b in candidates)
            {
                var n = Math.Min(remaining, b.Quantity);
                // Applies only while the batch still holds n packs: a posting that got there first leaves this one
                // updating nothing, and it reads the batches again.
                var updated = await db.StockBalances
                    .Where(x => x.LocationId == location && x.CommodityId == commodity && x.Batch == b.Batch && x.Quantity >= n)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Quantity, x => x.Quantity - n).SetProperty(x => x.Version, x => x.Version + 1), ct);
                if (updated == 0)
                {
                    break;
                }
                taken.Add(new TakenBatch(b.Batch, b.ExpiresOn, n));
                remaining -= n;
                if (remaining == 0)
                {
                    break;
                }
            }
        }
        return taken;
    }

    private static void RequireTransaction(PanahDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Without one, the balance would change even if the posting's lines (or the redemption) then failed to save.
            throw new InvalidOperationException("Stock is posted inside a transaction: begin one on the context first.");
        }
    }
}
