using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>
/// Links entries to the head of the chain and saves them with whatever else is pending, in one transaction that
/// holds the chain's lock: PostgreSQL's transaction-scoped advisory lock, shared by every app node and the CLI;
/// on SQLite the write lock an immediate transaction takes. The unique index on the previous hash still refuses a
/// fork from any writer that skipped the lock; that writer retries.
/// </summary>
internal static class AuditAppend
{
    /// <summary>The advisory lock's key: any constant all nodes share ("panah_au" as bytes).</summary>
    private const string LockChain = "SELECT pg_advisory_xact_lock(8097874969630826869)";

    private const string Head = """SELECT "Hash" FROM "AuditEntries" ORDER BY "Id" DESC LIMIT 1""";
    private const int Attempts = 5;

    public static async Task SaveAsync(PanahDbContext db, AuditChain chain, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var own = db.Database.CurrentTransaction is null;
            await using var transaction = own ? await db.Database.BeginTransactionAsync(ct) : null;
            try
            {
                var previous = await HeadAsync(db, ct) ?? AuditChain.Genesis;
                foreach (var entry in entries)
                {
                    entry.PreviousHash = previous;
                    entry.Hash = chain.HashOf(entry);
                    previous = entry.Hash;
                }
                db.AuditEntries.AddRange(entries);
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
    /// The hash at the head of the chain, read under the chain's lock. On PostgreSQL the lock and the read go in one
    /// round trip (two statements of one batch): every audited write waits for this lock, so each trip saved while
    /// holding it is throughput. The read is its own statement, so it sees whatever the lock's last holder committed.
    /// </summary>
    private static async Task<byte[]?> HeadAsync(PanahDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct);
        }
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = LockChain + ";" + Head;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (byte[])reader[0] : null;
    }
}
