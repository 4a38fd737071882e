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
        balances.OrderBy(b => b.ExpiresOn == null).ThenBy(b => b.ExpiresOn).ThenBy(b => b.Batch).ThenBy(b => b.Stripe);

    /// <summary>The rows a withdrawal may draw on, in the order it draws on them.</summary>
    public static Task<List<StockBalance>> CandidatesAsync(PanahDbContext db, int location, IReadOnlyCollection<int> commodities, string? batch, CancellationToken ct) =>
        Candidates(db, location, commodities, batch).ToListAsync(ct);

    /// <summary>The query of <see cref="CandidatesAsync"/>, for a caller that sends it in a batch of its own.</summary>
    public static IQueryable<StockBalance> Candidates(PanahDbContext db, int location, IReadOnlyCollection<int> commodities, string? batch) =>
        db.StockBalances.AsNoTracking()
            .Where(b => b.LocationId == location && commodities.Contains(b.CommodityId) && b.Quantity > 0 && (batch == null || b.Batch == batch))
            .FirstExpiryFirst();

    /// <summary>
    /// Puts packs into a batch, spread over its <paramref name="stripes"/> rows (the packs left over by the even split
    /// go to stripes taken in turn, so small receipts do not all land on the first rows).
    /// </summary>
    public static async Task PutAsync(PanahDbContext db, int location, int commodity, string batch, DateOnly? expiresOn, int packs, int stripes, CancellationToken ct)
    {
        RequireTransaction(db);
        // Creates the batch's rows at zero where new; two postings creating them at once both find them afterwards.
        var sql = new SqlArgs();
        var (l, c, b, e) = (sql.Add(location), sql.Add(commodity), sql.Add(batch), sql.Add(expiresOn));
        var rows = string.Join(", ", Enumerable.Range(0, stripes).Select(i => $"({l}, {c}, {b}, {sql.Add((short)i)}, {e}, 0, 0)"));
        await db.Database.ExecuteSqlAsync(sql.Sql($"""
            INSERT INTO "StockBalances" ("LocationId", "CommodityId", "Batch", "Stripe", "ExpiresOn", "Quantity", "Version") VALUES {rows}
            ON CONFLICT ("LocationId", "CommodityId", "Batch", "Stripe") DO NOTHING
            """), ct);
        if (db.Database.IsNpgsql())
        {
            // One UPDATE of several rows locks them in whatever order it finds them: two receipts of one batch would deadlock.
            await db.Database.ExecuteSqlAsync(
                $"""SELECT 1 FROM "StockBalances" WHERE "LocationId" = {location} AND "CommodityId" = {commodity} AND "Batch" = {batch} ORDER BY "Stripe" FOR UPDATE""", ct);
        }
        var (share, extra, first) = (packs / stripes, packs % stripes, (int)((uint)Interlocked.Increment(ref nextExtra) % (uint)stripes));
        var updated = await db.StockBalances
            .Where(x => x.LocationId == location && x.CommodityId == commodity && x.Batch == batch && x.ExpiresOn == expiresOn && x.Stripe < stripes)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Quantity, x => x.Quantity + share + ((x.Stripe + stripes - first) % stripes < extra ? 1 : 0))
                .SetProperty(x => x.Version, x => x.Version + 1), ct);
        if (updated != stripes)
        {
            // The batch is already here with another expiry date: one of the two is a typing slip.
            throw new FieldException("expiresOn", "Stock.BatchExpiryDiffers");
        }
    }

    /// <summary>Where the next receipt's left-over packs start: spreads them over the stripes.</summary>
    private static int nextExtra;

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
                $"""SELECT 1 FROM "StockBalances" WHERE "LocationId" IN ({from}, {to}) AND "CommodityId" = {commodity} ORDER BY "LocationId", "Batch", "Stripe" FOR UPDATE""", ct);
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
    /// distribution posts every item of a collection, on a busy day at hundreds per minute). Returns what was taken
    /// per commodity, one entry per batch whatever stripes it came from. <paramref name="stripe"/> keeps to one stripe
    /// of each batch, and <paramref name="read"/> are the candidates already read for the first attempt.
    /// </summary>
    public static async Task<Dictionary<int, List<TakenBatch>>> TakeAllAsync(
        PanahDbContext db, int location, IReadOnlyList<(int Commodity, int Packs)> wanted, string? batch, bool takeWhatThereIs, CancellationToken ct,
        short? stripe = null, List<StockBalance>? read = null)
    {
        RequireTransaction(db);
        var taken = wanted.ToDictionary(w => w.Commodity, _ => new List<TakenBatch>());
        var remaining = wanted.ToDictionary(w => w.Commodity, w => w.Packs);
        for (var attempt = 1; remaining.Values.Any(r => r > 0); attempt++)
        {
            var commodities = remaining.Where(r => r.Value > 0).Select(r => r.Key).ToList();
            var candidates = (attempt == 1 && read is not null ? read : await CandidatesAsync(db, location, commodities, batch, ct))
                .Where(b => stripe is null || b.Stripe == stripe).ToList();
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
                var (from, n) = plan.First(p => p.From.CommodityId == row.CommodityId && p.From.Batch == row.Batch && p.From.Stripe == row.Stripe);
                var list = taken[from.CommodityId];
                var same = list.FindIndex(t => t.Batch == from.Batch);
                if (same < 0)
                {
                    list.Add(new TakenBatch(from.Batch, from.ExpiresOn, n));
                }
                else
                {
                    list[same] = list[same] with { Packs = list[same].Packs + n };
                }
                remaining[from.CommodityId] -= n;
            }
        }
        return taken;
    }

    /// <summary>A batch a withdrawal decremented.</summary>
    private sealed record TakenRow(int CommodityId, string Batch, short Stripe);

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
            var (c, b, s, n) = (sql.Add(from.CommodityId), sql.Add(from.Batch), sql.Add(from.Stripe), sql.Add(packs));
            amount.Append($" WHEN {t}\"CommodityId\" = {c} AND {t}\"Batch\" = {b} AND {t}\"Stripe\" = {s} THEN {n}");
            rows.Add($"({t}\"CommodityId\" = {c} AND {t}\"Batch\" = {b} AND {t}\"Stripe\" = {s} AND {t}\"Quantity\" >= {n})");
            batches.Add($"(\"CommodityId\" = {c} AND \"Batch\" = {b} AND \"Stripe\" = {s})");
        }
        amount.Append(" ELSE 0 END");
        var text = postgres
            ? $$"""
                WITH l AS (SELECT "CommodityId", "Batch", "Stripe" FROM "StockBalances" WHERE "LocationId" = {{at}} AND ({{string.Join(" OR ", batches)}})
                           ORDER BY "CommodityId", "Batch", "Stripe" FOR UPDATE)
                UPDATE "StockBalances" AS s SET "Quantity" = s."Quantity" - ({{amount}}), "Version" = s."Version" + 1 FROM l
                WHERE s."LocationId" = {{at}} AND s."CommodityId" = l."CommodityId" AND s."Batch" = l."Batch" AND s."Stripe" = l."Stripe" AND ({{string.Join(" OR ", rows)}})
                RETURNING s."CommodityId", s."Batch", s."Stripe"
                """
            : $$"""
                UPDATE "StockBalances" SET "Quantity" = "Quantity" - ({{amount}}), "Version" = "Version" + 1
                WHERE "LocationId" = {{at}} AND ({{string.Join(" OR ", rows)}})
                RETURNING "CommodityId", "Batch", "Stripe"
                """;
        return await db.Database.SqlQuery<TakenRow>(sql.Sql(text)).ToListAsync(ct);
    }

    public static void RequireTransaction(PanahDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Without one, the balance would change even if the posting's lines (or the redemption) then failed to save.
            throw new InvalidOperationException("Stock is posted inside a transaction: begin one on the context first.");
        }
    }
}
