using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Panah.Data.Food;

/// <summary>
/// A collection's packs taken from one stripe of its point's batches, so collections at one point do not wait for
/// each other's commit. On PostgreSQL each stripe of a point has a transaction-scoped advisory lock, shared by every
/// app node. A collection try-locks a free stripe (from a starting one that moves on with every collection), or waits
/// for the starting one when all are busy, then reads the rows and takes from that stripe alone. When that stripe
/// lacks the packs, it rolls back to a savepoint taken before the lock (which releases it), tries once more among the
/// stripes that hold enough, and else waits for every stripe in order and takes from all rows, as an unstriped
/// withdrawal does. Nobody waits for a stripe while holding one, so the stripe locks cannot deadlock; the conditional
/// UPDATE and the CHECK on the rows still keep every row, and so every sum, at zero or above.
/// SQLite has one writer at a time: there the stripes are just rows.
/// </summary>
internal static class StockStripes
{
    /// <summary>The first key of the two-key advisory locks on stripes ("st" as bytes); the second is location × 64 + stripe.</summary>
    private const int LockSpace = 0x7374;

    /// <summary>
    /// A savepoint, then the first free stripe of those offered, else the first of them once it is free: in one round
    /// trip. The savepoint comes first, so rolling back to it releases the stripe.
    /// </summary>
    private const string TakeStripe = """
        SAVEPOINT panah_stripe;
        SELECT coalesce(
            (SELECT s FROM unnest(@stripes) AS s WHERE pg_try_advisory_xact_lock(@space, @base + s) LIMIT 1),
            (SELECT @first FROM (SELECT pg_advisory_xact_lock(@space, @base + @first)) AS waited))
        """;

    /// <summary>Back to before the stripe was taken, then every stripe of the point in order (waiters in one order cannot deadlock each other).</summary>
    private const string TakeEvery = """
        ROLLBACK TO SAVEPOINT panah_stripe;
        SELECT count(pg_advisory_xact_lock(@space, @base + s))::int FROM generate_series(0, @count - 1) AS s
        """;

    /// <summary>Where the next collection of this process starts looking for a free stripe: spreads collections over stripes.</summary>
    private static int nextStripe;

    public static async Task<Dictionary<int, List<TakenBatch>>> TakeAsync(
        PanahDbContext db, int location, IReadOnlyList<(int Commodity, int Packs)> wanted, int stripes, bool takeWhatThereIs, CancellationToken ct)
    {
        StockBatches.RequireTransaction(db);
        if (!db.Database.IsNpgsql() || stripes == 1)
        {
            return await StockBatches.TakeAllAsync(db, location, wanted, null, takeWhatThereIs, ct);
        }
        var commodities = wanted.Select(w => w.Commodity).ToList();
        var start = (int)((uint)Interlocked.Increment(ref nextStripe) % (uint)stripes);
        var offered = Enumerable.Range(0, stripes).Select(i => (start + i) % stripes).ToArray();
        for (var attempt = 0; attempt < 2 && offered.Length > 0; attempt++)
        {
            // The rows are read once the stripe is held, in the same round trip: only its holder takes from it, so what is read is what is there.
            var (stripe, rows) = await TakeAndReadAsync(db, (attempt == 0 ? "" : "ROLLBACK TO SAVEPOINT panah_stripe;\n") + TakeStripe, location, commodities, ct, ("stripes", offered), ("first", offered[0]));
            if (!takeWhatThereIs && wanted.FirstOrDefault(w => Held(rows, w.Commodity, null) < w.Packs) is { Commodity: > 0 } missing)
            {
                // Short at the point as a whole: refused without queueing for every stripe.
                throw new StockShortageException(location, missing.Commodity, missing.Packs - Held(rows, missing.Commodity, null));
            }
            if (Enough(rows, wanted, stripe))
            {
                return await StockBatches.TakeAllAsync(db, location, wanted, null, takeWhatThereIs, ct, stripe, rows);
            }
            offered = [.. offered.Where(s => Enough(rows, wanted, (short)s))];
        }
        await RunAsync(db, TakeEvery, location, ct, ("count", stripes));
        return await StockBatches.TakeAllAsync(db, location, wanted, null, takeWhatThereIs, ct);
    }

    private static bool Enough(List<StockBalance> rows, IReadOnlyList<(int Commodity, int Packs)> wanted, short stripe) =>
        wanted.All(w => Held(rows, w.Commodity, stripe) >= w.Packs);

    private static int Held(List<StockBalance> rows, int commodity, short? stripe) =>
        rows.Where(r => r.CommodityId == commodity && (stripe is null || r.Stripe == stripe)).Sum(r => r.Quantity);

    /// <summary>
    /// Runs <paramref name="sql"/> (which selects the stripe taken) and then the withdrawal's candidate rows
    /// (<see cref="StockBatches.CandidatesAsync"/>'s own query, as EF writes it) in one batch.
    /// </summary>
    private static async Task<(short Stripe, List<StockBalance> Rows)> TakeAndReadAsync(
        PanahDbContext db, string sql, int location, IReadOnlyCollection<int> commodities, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var candidates = StockBatches.Candidates(db, location, commodities, null).CreateDbCommand();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql + ";\n" + candidates.CommandText;
        command.With("space", LockSpace).With("base", location * StockOptions.MaxStripes);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
        while (candidates.Parameters.Count > 0)
        {
            var p = candidates.Parameters[0];
            candidates.Parameters.RemoveAt(0);
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
        {
            // The savepoint's and the rollback's results carry no rows.
        }
        await reader.ReadAsync(ct);
        var stripe = (short)reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        var rows = new List<StockBalance>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new StockBalance
            {
                LocationId = reader.GetInt32(reader.GetOrdinal(nameof(StockBalance.LocationId))),
                CommodityId = reader.GetInt32(reader.GetOrdinal(nameof(StockBalance.CommodityId))),
                Batch = reader.GetString(reader.GetOrdinal(nameof(StockBalance.Batch))),
                Stripe = reader.GetInt16(reader.GetOrdinal(nameof(StockBalance.Stripe))),
                ExpiresOn = reader.IsDBNull(reader.GetOrdinal(nameof(StockBalance.ExpiresOn))) ? null : reader.GetFieldValue<DateOnly>(reader.GetOrdinal(nameof(StockBalance.ExpiresOn))),
                Quantity = reader.GetInt32(reader.GetOrdinal(nameof(StockBalance.Quantity))),
                Version = reader.GetInt64(reader.GetOrdinal(nameof(StockBalance.Version))),
            });
        }
        return (stripe, rows);
    }

    /// <summary>Runs a batch on the transaction's connection; returns the integer its last statement selects.</summary>
    private static async Task<int> RunAsync(PanahDbContext db, string sql, int location, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        command.With("space", LockSpace).With("base", location * StockOptions.MaxStripes);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var more = true;
        while (more && reader.FieldCount == 0)
        {
            // The savepoint's and the rollback's results carry no rows.
            more = await reader.NextResultAsync(ct);
        }
        await reader.ReadAsync(ct);
        return reader.GetInt32(0);
    }
}
