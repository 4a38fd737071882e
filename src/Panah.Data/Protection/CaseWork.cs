using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Data.Protection;

/// <summary>
/// The owner's work on a case: the assessment (for a child, the Best Interests Assessment), asking for the
/// supervisor's approval, closing and reopening. Every change checks the version the worker read, so two workers
/// never overwrite each other silently. A case outside the scope is not found (the caller answers 404).
/// </summary>
public sealed class CaseWork(PanahDbContext db, AccessScope scope, AuditLog audit, RegistrySealer keys, CaseTaskClock tasks, TimeProvider clock)
{
    public async Task<AssessmentView?> RecordAssessmentAsync(Guid caseId, long expectedVersion, AssessmentInput input, CancellationToken ct = default)
    {
        if (await OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        if ((input.BestInterests || input.BidRequired is not null) && !row.Type.IsChild())
        {
            throw new CaseRefusedException("Protection.BestInterestsChildOnly");
        }
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        var details = row.Type.IsChild() ? input.Details : input.Details with { CareArrangement = null };
        var assessment = new CaseAssessment
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            BestInterests = input.BestInterests,
            BidRequired = input.BidRequired,
            RecordedBy = scope.StaffUserId!,
            RecordedAt = now,
            Sealed = [],
        };
        assessment.Sealed = CaseSealer.Seal(key, "assessment", assessment.Id, details);
        db.CaseAssessments.Add(assessment);
        row.AssessmentRequestedAt ??= now;
        Touch(row, now);
        foreach (var task in await db.CaseTasks.Where(t => t.CaseId == caseId && t.Kind == CaseTaskKind.Assessment && t.DoneAt == null).ToListAsync(ct))
        {
            task.DoneAt = now;
        }
        if (!await db.CaseTasks.AnyAsync(t => t.CaseId == caseId && t.Kind == CaseTaskKind.CasePlan, ct))
        {
            db.CaseTasks.Add(new CaseTask { CaseId = caseId, Kind = CaseTaskKind.CasePlan, CreatedAt = now, DueAt = tasks.DueAt(CaseTaskKind.CasePlan, row.Risk, now) });
        }
        // The supervisor approves every assessment; for a child, the Best Interests Assessment.
        AddRequest(row, assessment.BestInterests ? ApprovalSubject.BestInterests : ApprovalSubject.Assessment, assessment.Id, null, key, now);
        await SaveAsync(new AuditEvent("case.assessment.record", "protection-case", caseId.ToString(), $"bia={input.BestInterests} bid={input.BidRequired}"), ct);
        return new AssessmentView(assessment.Id, assessment.BestInterests, assessment.BidRequired, now, details);
    }

    public async Task<List<AssessmentView>> AssessmentsAsync(Guid caseId, byte[] key, CancellationToken ct = default) =>
        (await db.CaseAssessments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct))
            // Ordered here: SQLite cannot order DateTimeOffset values.
            .OrderByDescending(a => a.RecordedAt).Select(a => new AssessmentView(a.Id, a.BestInterests, a.BidRequired, a.RecordedAt, CaseSealer.Open<AssessmentDetails>(key, "assessment", a.Id, a.Sealed))).ToList();

    /// <summary>The owner asks the team's supervisor to approve a subject (the case plan is the referrals part's, a closure is this one's).</summary>
    public async Task<ApprovalView?> RequestApprovalAsync(Guid caseId, long expectedVersion, ApprovalSubject subject, Guid? subjectId, string? comment, CancellationToken ct = default)
    {
        if (await OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        if (await db.CaseApprovals.AnyAsync(a => a.CaseId == caseId && a.Subject == subject && a.Status == ApprovalStatus.Requested, ct))
        {
            throw new CaseRefusedException("Protection.ApprovalPending");
        }
        if (subject == ApprovalSubject.CasePlan && row.CasePlanAt is null)
        {
            throw new CaseRefusedException("Protection.PlanEmpty");
        }
        if (subject == ApprovalSubject.Closure && CaseStages.IsClosed(row.Facts))
        {
            throw new CaseRefusedException("Protection.AlreadyClosed");
        }
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        var approval = AddRequest(row, subject, subjectId, comment, key, now);
        Touch(row, now);
        await SaveAsync(new AuditEvent("case.approval.request", "protection-case", caseId.ToString(), $"subject={subject}"), ct);
        return ToView(approval, key);
    }

    /// <summary>Reopens a closed case (its owner); the stage is again the one its records give.</summary>
    public async Task<bool> ReopenAsync(Guid caseId, long expectedVersion, CancellationToken ct = default)
    {
        if (await OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return false;
        }
        if (!CaseStages.IsClosed(row.Facts))
        {
            throw new CaseRefusedException("Protection.NotClosed");
        }
        var now = clock.GetUtcNow();
        row.ReopenedAt = now;
        Touch(row, now);
        db.CaseTasks.Add(new CaseTask { CaseId = caseId, Kind = CaseTaskKind.FollowUp, CreatedAt = now, DueAt = tasks.DueAt(CaseTaskKind.FollowUp, row.Risk, now) });
        await SaveAsync(new AuditEvent("case.reopen", "protection-case", caseId.ToString()), ct);
        return true;
    }

    /// <summary>GBV: the survivor's consent (or its withdrawal) to being counted in statistics.</summary>
    public async Task<bool> SetReportingConsentAsync(Guid caseId, long expectedVersion, bool consent, CancellationToken ct = default)
    {
        if (await OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return false;
        }
        if (row.Type != CaseType.Gbv)
        {
            throw new CaseRefusedException("Protection.ReportingConsentGbvOnly");
        }
        row.ReportingConsent = consent;
        Touch(row, clock.GetUtcNow());
        await SaveAsync(new AuditEvent("case.reporting-consent", "protection-case", caseId.ToString(), $"consent={consent}"), ct);
        return true;
    }

    internal CaseApproval AddRequest(ProtectionCase row, ApprovalSubject subject, Guid? subjectId, string? comment, byte[] key, DateTimeOffset now)
    {
        var approval = new CaseApproval
        {
            CaseId = row.Id,
            Subject = subject,
            SubjectId = subjectId,
            Status = ApprovalStatus.Requested,
            RequestedBy = scope.StaffUserId!,
            RequestedAt = now,
        };
        approval.SealedComments = CaseApprovals.SealComments(key, row.Id, subject, new ApprovalComments(comment?.Trim(), null));
        db.CaseApprovals.Add(approval);
        return approval;
    }

    internal static ApprovalView ToView(CaseApproval a, byte[] key) => new(a.Id, a.Subject, a.SubjectId, a.Status, a.RequestedBy, a.RequestedAt, a.DecidedBy, a.DecidedAt,
        a.SealedComments is null ? new ApprovalComments(null, null) : CaseApprovals.OpenComments(key, a));

    /// <summary>The case for a change by its owner at the version they read: null if not in scope, refused if not theirs or changed since.</summary>
    internal async Task<ProtectionCase?> OwnedAsync(Guid caseId, long expectedVersion, CancellationToken ct)
    {
        var row = await db.ProtectionCases.Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null)
        {
            return null;
        }
        if (row.OwnerId != scope.StaffUserId)
        {
            throw new CaseRefusedException("Protection.OwnerOnly");
        }
        if (row.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        return row;
    }

    internal static void Touch(ProtectionCase row, DateTimeOffset now)
    {
        row.Version++;
        row.UpdatedAt = now;
    }

    internal async Task SaveAsync(AuditEvent e, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
