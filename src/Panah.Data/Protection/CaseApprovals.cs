using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Data.Protection;

/// <summary>
/// The supervisor's side of approvals: requested → approved or rejected (a rejection says why). Only the supervisor
/// of the case's team decides, never the requester; the decision's effect (closing the case…) is the subject's
/// <see cref="IApprovalEffect"/>. Requests stay on the case as its history.
/// </summary>
public sealed class CaseApprovals(PanahDbContext db, AccessScope scope, AuditLog audit, RegistrySealer keys, IEnumerable<IApprovalEffect> effects, TimeProvider clock)
{
    public async Task<List<ApprovalView>> OfCaseAsync(Guid caseId, byte[] key, CancellationToken ct = default) =>
        (await db.CaseApprovals.AsNoTracking().Where(a => a.CaseId == caseId).OrderByDescending(a => a.Id).ToListAsync(ct))
            .Select(a => CaseWork.ToView(a, key)).ToList();

    /// <summary>Null when the request is not in scope (404).</summary>
    public async Task<ApprovalView?> DecideAsync(long approvalId, bool approve, string? comment, CancellationToken ct = default)
    {
        var approval = await db.CaseApprovals.FirstOrDefaultAsync(a => a.Id == approvalId, ct);
        var row = approval is null ? null : await db.ProtectionCases.Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == approval.CaseId, ct);
        if (approval is null || row is null)
        {
            return null;
        }
        if (!scope.Supervises(row.TeamId) || approval.RequestedBy == scope.StaffUserId)
        {
            throw new CaseRefusedException("Protection.SupervisorOnly");
        }
        if (approval.Status != ApprovalStatus.Requested)
        {
            throw new CaseRefusedException("Protection.AlreadyDecided");
        }
        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            throw new CaseRefusedException("Protection.RejectionNeedsComment");
        }
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        var request = approval.SealedComments is null ? null : OpenComments(key, approval).Request;
        approval.Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        approval.DecidedBy = scope.StaffUserId;
        approval.DecidedAt = now;
        approval.SealedComments = SealComments(key, row.Id, approval.Subject, new ApprovalComments(request, comment?.Trim()));
        foreach (var effect in effects.Where(e => e.Subject == approval.Subject))
        {
            await effect.ApplyAsync(row, approval, approve, ct);
        }
        row.Version++;
        row.UpdatedAt = now;
        try
        {
            await audit.SaveAsync(db, new AuditEvent("case.approval.decide", "protection-case", row.Id.ToString(), $"approval={approvalId.ToString(CultureInfo.InvariantCulture)} subject={approval.Subject} approved={approve}"), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        return CaseWork.ToView(approval, key);
    }

    /// <summary>Sealed with the case and the subject as context (the row's id is not known before it is saved).</summary>
    internal static byte[] SealComments(byte[] key, Guid caseId, ApprovalSubject subject, ApprovalComments comments) =>
        CaseSealer.Seal(key, $"approval.{subject}", caseId, comments);

    internal static ApprovalComments OpenComments(byte[] key, CaseApproval a) =>
        CaseSealer.Open<ApprovalComments>(key, $"approval.{a.Subject}", a.CaseId, a.SealedComments!);
}
