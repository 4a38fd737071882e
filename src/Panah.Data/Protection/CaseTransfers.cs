using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Data.Protection;

public sealed record TransferRecipient(string Id, string Name);

public sealed record TransferView(Guid Id, string FromId, string ToId, TransferStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt, bool ConsentOverridden, TransferReasons Reasons);

/// <summary>
/// Transfers of a case to another case worker. The owner (or, overriding a missing consent, the supervisor) offers
/// it; the recipient may read the case while deciding (a pending access row); on accepting they become owner and the
/// previous owner's access ends, so from their next request the case is not there for them (404).
/// </summary>
public sealed class CaseTransfers(PanahDbContext db, AccessScope scope, CaseReads reads, CaseReferrals referrals, CaseSharing sharing, RegistrySealer keys, TimeProvider clock)
{
    public async Task<List<TransferView>?> OfCaseAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await reads.FindAsync(caseId, "case.transfers", ct) is not { } row)
        {
            return null;
        }
        return await ViewAsync(row, reads.KeyOf(row), ct);
    }

    /// <summary>The transfers of a case already read (and audited) by the caller.</summary>
    public async Task<List<TransferView>> ViewAsync(ProtectionCase row, byte[] key, CancellationToken ct = default) =>
        (await db.CaseTransfers.AsNoTracking().Where(t => t.CaseId == row.Id).ToListAsync(ct))
            .OrderByDescending(t => t.RequestedAt).Select(t => ToView(t, key)).ToList();

    /// <summary>
    /// The case workers a case of this reader may be offered to: the members and supervisors of the teams the reader
    /// belongs to or supervises, less the reader (staff accounts, nothing of a case).
    /// </summary>
    public async Task<List<TransferRecipient>> RecipientsAsync(CancellationToken ct = default)
    {
        var me = scope.StaffUserId;
        var teams = await db.ProtectionTeams.AsNoTracking()
            .Where(t => t.SupervisorId == me || db.ProtectionTeamMembers.Any(m => m.TeamId == t.Id && m.StaffUserId == me)).Select(t => new { t.Id, t.SupervisorId }).ToListAsync(ct);
        var teamIds = teams.Select(t => t.Id).ToList();
        var ids = (await db.ProtectionTeamMembers.AsNoTracking().Where(m => teamIds.Contains(m.TeamId)).Select(m => m.StaffUserId).ToListAsync(ct))
            .Concat(teams.Select(t => t.SupervisorId).OfType<string>()).Where(id => id != me).Distinct().ToList();
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct))
            .Select(u => new TransferRecipient(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName)).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<TransferView?> OfferAsync(Guid caseId, long expectedVersion, string toId, string? reason, string? overrideReason, CancellationToken ct = default)
    {
        var row = await db.ProtectionCases.Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is null)
        {
            return null;
        }
        if (row.OwnerId != scope.StaffUserId && !scope.Supervises(row.TeamId))
        {
            throw new CaseRefusedException("Protection.OwnerOnly");
        }
        if (row.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }
        // A case goes only to a protection case worker: a member or supervisor of a team.
        if (toId == row.OwnerId || !await db.ProtectionTeamMembers.AnyAsync(m => m.StaffUserId == toId, ct) && !await db.ProtectionTeams.AnyAsync(t => t.SupervisorId == toId, ct))
        {
            throw new CaseRefusedException("Protection.RecipientInvalid");
        }
        if (await db.CaseTransfers.AnyAsync(t => t.CaseId == caseId && t.Status == TransferStatus.Pending, ct))
        {
            throw new CaseRefusedException("Protection.TransferPending");
        }
        var decision = await sharing.CheckAsync(row, Sharing.Transfer, overrideReason, ct);
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        var transfer = new CaseTransfer
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            FromId = row.OwnerId,
            ToId = toId,
            Status = TransferStatus.Pending,
            RequestedAt = now,
            ConsentOverriddenBy = decision.Overridden ? scope.StaffUserId : null,
            Sealed = [],
        };
        transfer.Sealed = CaseSealer.Seal(key, "transfer", transfer.Id, new TransferReasons(reason?.Trim(), decision.Overridden ? overrideReason!.Trim() : null, null));
        db.CaseTransfers.Add(transfer);
        db.CaseAccess.Add(new CaseAccess { CaseId = caseId, StaffUserId = toId, Reason = CaseAccessReason.TransfereePending, GrantedAt = now });
        CaseReferrals.Touch(row, now);
        await referrals.SaveAsync(row, CaseReferrals.Events(caseId, "case.transfer.offer", $"transfer={transfer.Id}", decision, Sharing.Transfer), ct);
        return ToView(transfer, key);
    }

    /// <summary>The recipient's answer: accepting makes them owner (the previous owner loses access); rejecting needs a reason.</summary>
    public async Task<TransferView?> AnswerAsync(Guid caseId, Guid transferId, bool accept, string? reason, CancellationToken ct = default)
    {
        var transfer = await db.CaseTransfers.FirstOrDefaultAsync(t => t.Id == transferId && t.CaseId == caseId, ct);
        var row = transfer is null ? null : await db.ProtectionCases.Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (transfer is null || row is null)
        {
            return null;
        }
        if (transfer.ToId != scope.StaffUserId)
        {
            throw new CaseRefusedException("Protection.RecipientOnly");
        }
        var next = Transfers.Answer(transfer.Status, accept, reason)
            ?? throw new CaseRefusedException(transfer.Status == TransferStatus.Pending ? "Protection.RejectionNeedsReason" : "Protection.AlreadyDecided");
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        var access = await db.CaseAccess.Where(a => a.CaseId == caseId && (a.StaffUserId == transfer.ToId || a.StaffUserId == transfer.FromId)).ToListAsync(ct);
        db.CaseAccess.RemoveRange(access.Where(a => a.StaffUserId == transfer.ToId && a.Reason == CaseAccessReason.TransfereePending));
        if (next == TransferStatus.Accepted)
        {
            row.OwnerId = transfer.ToId;
            row.TeamId = await db.ProtectionTeamMembers.Where(m => m.StaffUserId == transfer.ToId).Select(m => (int?)m.TeamId).FirstOrDefaultAsync(ct) ?? row.TeamId;
            db.CaseAccess.RemoveRange(access.Where(a => a.StaffUserId == transfer.FromId && a.Reason == CaseAccessReason.Owner));
            if (!access.Any(a => a.StaffUserId == transfer.ToId && a.Reason == CaseAccessReason.Owner))
            {
                db.CaseAccess.Add(new CaseAccess { CaseId = caseId, StaffUserId = transfer.ToId, Reason = CaseAccessReason.Owner, GrantedAt = now });
            }
        }
        transfer.Status = next;
        transfer.AnsweredAt = now;
        if (next == TransferStatus.Rejected)
        {
            var reasons = CaseSealer.Open<TransferReasons>(key, "transfer", transfer.Id, transfer.Sealed);
            transfer.Sealed = CaseSealer.Seal(key, "transfer", transfer.Id, reasons with { RejectionReason = reason!.Trim() });
        }
        CaseReferrals.Touch(row, now);
        await referrals.SaveAsync(row, [new AuditEvent($"case.transfer.{(accept ? "accept" : "reject")}", "protection-case", caseId.ToString(), $"transfer={transfer.Id}")], ct);
        return ToView(transfer, key);
    }

    private static TransferView ToView(CaseTransfer t, byte[] key) =>
        new(t.Id, t.FromId, t.ToId, t.Status, t.RequestedAt, t.AnsweredAt, t.ConsentOverriddenBy is not null, CaseSealer.Open<TransferReasons>(key, "transfer", t.Id, t.Sealed));
}
