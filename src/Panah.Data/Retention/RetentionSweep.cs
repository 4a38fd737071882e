using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Erasure;

namespace Panah.Data.Retention;

public enum RetentionOutcome
{
    /// <summary>The run erased what was due (possibly nothing).</summary>
    Ran,

    /// <summary>The job's last run is recent: nothing to do yet.</summary>
    NotDue,

    /// <summary>Another node or request holds the lease: it is running now.</summary>
    Busy,

    /// <summary>What is due changed since the officer looked: nothing was erased, the officer looks again.</summary>
    Changed,
}

public sealed record RetentionReport(RetentionOutcome Outcome, RetentionRun? Run = null);

/// <summary>
/// One run of retention. Each due person is crypto-shredded exactly as a manual erasure is (written to the erasure
/// ledger first, so a restored backup has it re-applied; tombstone; audit entry with ids only), unless a legal hold
/// stands on them or their household when their turn comes. The run holds a lease, so of several nodes only one runs.
/// </summary>
public sealed class RetentionSweep(PanahDbContext db, RetentionCandidates candidates, PersonErasure erasure, ErasureLedger ledger, JobLeases leases,
    AuditLog audit, IActor actor, RetentionOptions options, TimeProvider clock)
{
    public const string LeaseName = "retention";

    /// <summary>Longer than a run of <see cref="RetentionOptions.MaxPeoplePerRun"/> takes, short enough that a node that died frees it the same day.</summary>
    private static readonly TimeSpan LeaseLength = TimeSpan.FromHours(2);

    /// <summary>The job's run: only when the last run (by any node) is at least <see cref="RetentionOptions.RunEveryHours"/> old.</summary>
    public Task<RetentionReport> RunIfDueAsync(CancellationToken ct = default) => RunAsync(confirmedDigest: null, onlyIfDue: true, ct);

    /// <summary>The officer's run: erases only if what is due is still exactly the set they confirmed (<see cref="RetentionPreview.Digest"/>).</summary>
    public Task<RetentionReport> RunConfirmedAsync(string digest, CancellationToken ct = default) => RunAsync(digest, onlyIfDue: false, ct);

    /// <summary>The command line's run: now, whatever the schedule (<c>retention run --dry-run</c> shows what it erases first).</summary>
    public Task<RetentionReport> RunNowAsync(CancellationToken ct = default) => RunAsync(confirmedDigest: null, onlyIfDue: false, ct);

    private async Task<RetentionReport> RunAsync(string? confirmedDigest, bool onlyIfDue, CancellationToken ct)
    {
        var holder = Guid.NewGuid().ToString("N");
        if (!await leases.TryAcquireAsync(LeaseName, holder, LeaseLength, ct))
        {
            return new RetentionReport(RetentionOutcome.Busy);
        }
        try
        {
            if (onlyIfDue && await LastRunAsync(ct) is { } last && clock.GetUtcNow() - last.StartedAt < TimeSpan.FromHours(options.RunEveryHours))
            {
                return new RetentionReport(RetentionOutcome.NotDue);
            }
            var preview = await candidates.PreviewAsync(ct);
            if (confirmedDigest is not null && confirmedDigest != preview.Digest)
            {
                return new RetentionReport(RetentionOutcome.Changed);
            }
            return new RetentionReport(RetentionOutcome.Ran, await EraseAsync(preview, ct));
        }
        finally
        {
            await leases.ReleaseAsync(LeaseName, holder, CancellationToken.None);
        }
    }

    public Task<RetentionRun?> LastRunAsync(CancellationToken ct = default) =>
        db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);

    private async Task<RetentionRun> EraseAsync(RetentionPreview preview, CancellationToken ct)
    {
        var run = new RetentionRun { StartedAt = clock.GetUtcNow(), RunBy = actor.Id, Held = preview.Held };
        var households = new HashSet<Guid>();
        foreach (var c in preview.Candidates.Take(options.MaxPeoplePerRun))
        {
            if (await candidates.IsHeldAsync(c.PersonId, c.HouseholdId, ct))
            {
                run.Held++;
                continue;
            }
            var at = clock.GetUtcNow();
            // The ledger first, as for a manual erasure: it is re-applied even if the database write below is lost.
            ledger.Append(c.PersonId, at);
            if (await erasure.ApplyAsync(c.PersonId, at, Reason(c.Rule), "retention", ct) == ErasureOutcome.Erased)
            {
                run.People++;
                households.Add(c.HouseholdId);
            }
            db.ChangeTracker.Clear();
        }
        run.Households = households.Count;
        run.Left = Math.Max(0, preview.Candidates.Count - options.MaxPeoplePerRun);
        run.FinishedAt = clock.GetUtcNow();
        db.RetentionRuns.Add(run);
        await audit.SaveAsync(db, new AuditEvent("retention.run", "retention", null,
            $"people={run.People} households={run.Households} held={run.Held} left={run.Left}"), ct);
        return run;
    }

    /// <summary>The reason the erasure record keeps (the officer's review row; no personal value).</summary>
    private string Reason(RetentionRule rule) => rule switch
    {
        RetentionRule.ClosedHousehold => $"Retention: household closed, unchanged for {options.ClosedHouseholdYears} years",
        RetentionRule.MergedRegistration => $"Retention: duplicate registration merged {options.MergedRegistrationYears} years ago",
        _ => $"Retention: household inactive for {options.HouseholdInactiveYears} years",
    };
}
