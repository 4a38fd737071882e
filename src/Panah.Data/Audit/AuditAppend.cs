using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>
/// Links entries to the head of one lane of the chain and saves them with whatever else is pending, in one
/// transaction that holds that lane's lock: on PostgreSQL a transaction-scoped advisory lock per lane, shared by
/// every app node and the CLI, so audited writes on different lanes commit side by side (one lane held through its
/// commit's flush was the bound on every audited write); on SQLite the write lock of an immediate transaction, and
/// lane 0. The unique index on the previous hash still refuses a fork from any writer that skipped the lock; that
/// writer retries.
/// </summary>
internal static class AuditAppend
{
    /// <summary>Lane 0's advisory lock key ("panah_au" as bytes, the chain's key from before lanes); lane n uses key + n.</summary>
    private const long LockKey = 8097874969630826869;

    /// <summary>
    /// Takes the first free lane from a starting one (try-locks, so a writer does not queue behind a busy lane while
    /// another is free), or waits for the starting lane when all are busy, and names the lane for the next statement.
    /// </summary>
    private static readonly string TakeLane = $"""
        SELECT set_config('panah.audit_lane', coalesce(
            (SELECT l FROM (SELECT (@start + i) % @lanes AS l FROM generate_series(0, @lanes - 1) AS i) AS lanes
             WHERE pg_try_advisory_xact_lock({LockKey} + l) LIMIT 1),
            (SELECT @start FROM (SELECT pg_advisory_xact_lock({LockKey} + @start)) AS waited))::text, true)
        """;

    /// <summary>Its own statement, so it sees whatever the lane lock's last holder committed.</summary>
    private const string LaneHead = """
        SELECT current_setting('panah.audit_lane')::smallint,
               (SELECT "Hash" FROM "AuditEntries" WHERE "Lane" = current_setting('panah.audit_lane')::smallint ORDER BY "Id" DESC LIMIT 1)
        """;

    private const int Attempts = 5;

    /// <summary>Where the next writer of this process starts looking for a free lane: spreads writers over lanes.</summary>
    private static int nextLane;

    public static async Task SaveAsync(PanahDbContext db, AuditChain chain, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                await LinkAsync(db, chain, entries, ct);
                await db.SaveChangesAsync(ct);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(ct);
                }
                return;
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && own && attempt < Attempts)
            {
                foreach (var entry in entries)
                {
                    db.Entry(entry).State = EntityState.Detached;
                    foreach (var subject in entry.Subjects)
                    {
                        db.Entry(subject).State = EntityState.Detached;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Takes a lane's lock in the current transaction, links <paramref name="entries"/> to its head and adds them to
    /// <paramref name="db"/>, unsaved: they are saved with whatever the transaction saves next.
    /// </summary>
    public static async Task LinkAsync(PanahDbContext db, AuditChain chain, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var (lane, head) = await HeadAsync(db, chain, ct);
        var previous = head ?? AuditChain.GenesisOf(lane);
        foreach (var entry in entries)
        {
            entry.Lane = lane;
            entry.PreviousHash = previous;
            entry.Hash = chain.HashOf(entry);
            previous = entry.Hash;
        }
        db.AuditEntries.AddRange(entries);
    }

    /// <summary>
    /// The lane this transaction holds and the hash at its head. On PostgreSQL the lane's lock and the head's read go
    /// in one round trip (two statements of one batch): each trip saved while holding the lock is throughput.
    /// </summary>
    private static async Task<(short Lane, byte[]? Head)> HeadAsync(PanahDbContext db, AuditChain chain, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return (0, await db.AuditEntries.AsNoTracking().Where(a => a.Lane == 0).OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct));
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = TakeLane + ";" + LaneHead;
        command.With("start", (int)((uint)Interlocked.Increment(ref nextLane) % (uint)chain.Lanes)).With("lanes", chain.Lanes);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt16(0), reader.IsDBNull(1) ? null : (byte[])reader[1]);
    }
}
