using Microsoft.EntityFrameworkCore;
using Panah.Data.Alerts;

namespace Panah.Data.Erasure;

/// <summary>What bringing the database in line with the ledger did.</summary>
public sealed record ReplayReport(int Reapplied, int MissingFromLedger, IReadOnlyList<string> Problems);

/// <summary>
/// Re-applies every erasure of the ledger that the database no longer shows (an older backup was restored), and
/// reports a ledger that was tampered with: a line edited or removed, or an erasure the database knows and the
/// ledger lacks (its tail cut off). Runs at start-up and right after a restore; raises an alert on a problem.
/// </summary>
public sealed class ErasureReplay(PanahDbContext db, ErasureLedger ledger, PersonErasure erasure, AlertLog alerts, Access.AccessScope scope)
{
    public const string AlertKind = "erasure-ledger";

    /// <summary>Reason recorded for an erasure re-applied from the ledger (the original reason stays in the ledger's database of origin).</summary>
    public const string ReappliedReason = "Re-applied from the erasure ledger";

    private const int Batch = 500;

    public async Task<ReplayReport> RunAsync(CancellationToken ct = default)
    {
        // The ledger speaks for every office: a system job, not a staff member's request.
        scope.Everything("erasure-ledger replay");
        var reading = ledger.Read();
        var problems = reading.Problems.ToList();
        var reapplied = 0;
        foreach (var chunk in reading.Entries.Chunk(Batch))
        {
            var ids = chunk.Select(e => e.PersonId).ToList();
            var standing = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Key!.Wrapped != null).Select(p => p.Id).ToListAsync(ct);
            foreach (var entry in chunk.Where(e => standing.Contains(e.PersonId)))
            {
                if (await erasure.ApplyAsync(entry.PersonId, entry.ErasedAt, ReappliedReason, "ledger", ct) == ErasureOutcome.Erased)
                {
                    reapplied++;
                }
                db.ChangeTracker.Clear();
            }
        }
        var known = reading.Entries.Select(e => e.PersonId).ToHashSet();
        var erasedHere = await db.People.AsNoTracking().Where(p => p.Key!.Wrapped == null).Select(p => p.Id).ToListAsync(ct);
        var missing = erasedHere.Where(id => !known.Contains(id)).ToList();
        if (missing.Count > 0 && reading.Problems.Count == 0)
        {
            problems.Add($"{missing.Count} erasure(s) in the database are missing from the ledger: its end was cut off or it was replaced");
        }
        else if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} erasure(s) in the database are not in the ledger's intact entries");
        }
        // Written again, so that a backup restored later still has them re-applied.
        foreach (var id in missing)
        {
            ledger.Append(id, DateTimeOffset.UtcNow);
        }
        if (problems.Count > 0)
        {
            await alerts.RaiseAsync(AlertKind, null, $"problems={problems.Count}", ct);
        }
        return new ReplayReport(reapplied, missing.Count, problems);
    }
}
