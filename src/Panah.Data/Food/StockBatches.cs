using System.Text;
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
    /// Locks a commodity's batches at both ends of a transfer, in one fixed order (location, then batch), before any
    /// is changed. Otherwise a transfer A → B locks A's rows and then B's while one B → A at the same moment locks B's
    /// and then A's, and PostgreSQL kills one of the two as a deadlock. SQLite has one writer at a time.
    /// </summary>
    public static async Task LockAsync(PanahDbContext db, int from, int to, int commodity, CancellationToken ct)
    {
        RequireTransaction(db);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync(
                $"""SELECT 1 FROM "StockBalances" WHERE "LocationId" IN ({from}, {to}) AND "CommodityId" = {commodity} ORDER BY "LocationId", "Batch" FOR UPDATE""", ct);
        }
    }

    /// <summary>
    /// Takes <paramref name="packs"/> from <paramref name="batch"/>, or without a batch from the earliest-expiring
    /// batches first, possibly several. Throws <see cref="StockShortageException"/> when there are not enough, unless
    /// <paramref name="takeWhatThereIs"/>, when it takes what there is.
    /// </summary>
    public static async Task<List<TakenBatch>> TakeAsync(
        PanahDbContext db, int location, int commodity, string? batch, int packs, bool takeWhatThereIs, CancellationToken ct) =>
        (await TakeAllAsync(db, location, [(commodity, packs)], batch, takeWhatThereIs, ct))[commodity];

    /// <summary>
    /// Takes packs of several commodities at one location, each earliest expiry first, in two statements however many
    /// commodities and batches: one read of the batches, one conditional UPDATE of every batch it draws on (a
    /// distribution posts every item of a collection, on a busy day at hundreds per minute). Returns what was taken per commodity.
    /// </summary>
    public static async Task<Dictionary<int, List<TakenBatch>>> TakeAllAsync(
        PanahDbContext db, int location, IReadOnlyList<(int Commodity, int Packs)> wanted, string? batch, bool takeWhatThereIs, CancellationToken ct)
    {
        RequireTransaction(db);
        var taken = wanted.ToDictionary(w => w.Commodity, _ => new List<TakenBatch>());
        var remaining = wanted.ToDictionary(w => w.Commodity, w => w.Packs);
        for (var attempt = 1; remaining.Values.Any(r => r > 0); attempt++)
        {
            var commodities = remaining.Where(r => r.Value > 0).Select(r => r.Key).ToList();
            var candidates = await db.StockBalances.AsNoTracking()
                .Where(b => b.LocationId == location && commodities.Contains(b.CommodityId) && b.Quantity > 0 && (batch == null || b.Batch == batch))
                .FirstExpiryFirst().ToListAsync(ct);
            var plan = new List<(StockBalance From, int Packs)>();
            foreach (var commodity in commodities)
            {
                var need = remaining[commodity];
                var batches = candidates.Where(b => b.CommodityId == commodity).ToList();
                if (batches.Sum(b => b.Quantity) < need && !takeWhatThereIs)
                {
                    throw new StockShortageException(location, commodity, need - batches.Sum(b => b.Quantity));
                }
                foreach (var b in batches.TakeWhile(_ => need > 0))
                {
                    var n = Math.Min(need, b.Quantity);
                    plan.Add((b, n));
                    need -= n;
                }
                if (need > 0)
                {
                    // Taking what there is: the rest is not there to take.
                    remaining[commodity] -= need;
                }
            }
            if (plan.Count == 0)
            {
                return taken;
            }
            if (attempt > Attempts)
            {
                // Lost the race this often: give up rather than spin.
                return takeWhatThereIs ? taken : throw new StockShortageException(location, plan[0].From.CommodityId, remaining[plan[0].From.CommodityId]);
            }
            // Each batch is decremented only while it still holds the planned packs: a posting that got there first
            // leaves its batch out of RETURNING, and only what is missing is read and planned again.
            foreach (var row in await ApplyAsync(db, location, plan, ct))
            {
                var (from, n) = plan.First(p => p.From.CommodityId == row.CommodityId && p.From.Batch == row.Batch);
                taken[from.CommodityId].Add(new TakenBatch(from.Batch, from.ExpiresOn, n));
                remaining[from.CommodityId] -= n;
            }
        }
        return taken;
    }

    /// <summary>A batch a withdrawal decremented.</summary>
    private sealed record TakenRow(int CommodityId, string Batch);

    private static async Task<List<TakenRow>> ApplyAsync(PanahDbContext db, int location, List<(StockBalance From, int Packs)> plan, CancellationToken ct)
    {
        var sql = new SqlArgs();
        var at = sql.Add(location);
        // PostgreSQL locks the rows of one UPDATE in whatever order it finds them, and a hot row's newest version moves:
        // two collections at one point would lock two batches in opposite orders and deadlock. So the batches are locked
        // first, in one fixed order, by a SELECT … ORDER BY … FOR UPDATE. SQLite has one writer at a time and no row locks.
        var postgres = db.Database.IsNpgsql();
        var t = postgres ? "s." : "";
        var amount = new StringBuilder("CASE");
        var rows = new List<string>();
        var batches = new List<string>();
        foreach (var (from, packs) in plan)
        {
            var (c, b, n) = (sql.Add(from.CommodityId), sql.Add(from.Batch), sql.Add(packs));
            amount.Append($" WHEN {t}\"CommodityId\" = {c} AND {t}\"Batch\" = {b} THEN {n}");
            rows.Add($"({t}\"CommodityId\" = {c} AND {t}\"Batch\" = {b} AND {t}\"Quantity\" >= {n})");
            batches.Add($"(\"CommodityId\" = {c} AND \"Batch\" = {b})");
        }
        amount.Append(" ELSE 0 END");
        var text = postgres
            ? $$"""
                WITH l AS (SELECT "CommodityId", "Batch" FROM "StockBalances" WHERE "LocationId" = {{at}} AND ({{string.Join(" OR ", batches)}})
                           ORDER BY "CommodityId", "Batch" FOR UPDATE)
                UPDATE "StockBalances" AS s SET "Quantity" = s."Quantity" - ({{amount}}), "Version" = s."Version" + 1 FROM l
                WHERE s."LocationId" = {{at}} AND s."CommodityId" = l."CommodityId" AND s."Batch" = l."Batch" AND ({{string.Join(" OR ", rows)}})
                RETURNING s."CommodityId", s."Batch"
                """
            : $$"""
                UPDATE "StockBalances" SET "Quantity" = "Quantity" - ({{amount}}), "Version" = "Version" + 1
                WHERE "LocationId" = {{at}} AND ({{string.Join(" OR ", rows)}})
                RETURNING "CommodityId", "Batch"
                """;
        return await db.Database.SqlQuery<TakenRow>(sql.Sql(text)).ToListAsync(ct);
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
