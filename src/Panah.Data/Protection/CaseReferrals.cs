using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Data.Protection;

public sealed record ReferInput(int PartnerId, string Service, IReadOnlyList<string> Fields, string? OverrideReason);

public sealed record ReferralView(Guid Id, int PartnerId, string Service, ReferralStatus Status, IReadOnlyList<string> SharedFields, string ReferredBy,
    DateTimeOffset ReferredAt, DateTimeOffset? AnsweredAt, bool Stale, bool ConsentOverridden, ReferralContent Content);

/// <summary>
/// Referrals of a case to partners: made by its owner (or, overriding a missing consent, its supervisor) with the
/// fields chosen one by one; the partner's answer and the service's completion are recorded by the owner, who may
/// revoke it until done. A case outside the scope is not found (null: 404).
/// </summary>
public sealed class CaseReferrals(PanahDbContext db, AccessScope scope, AuditLog audit, CaseReads reads, CaseSharing sharing, RegistrySealer keys, ProtectionOptions options, TimeProvider clock)
{
    public async Task<List<ReferralView>?> OfCaseAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await reads.FindAsync(caseId, "case.referrals", ct) is not { } row)
        {
            return null;
        }
        return await ViewAsync(row, reads.KeyOf(row), ct);
    }

    /// <summary>The referrals of a case already read (and audited) by the caller.</summary>
    public async Task<List<ReferralView>> ViewAsync(ProtectionCase row, byte[] key, CancellationToken ct = default) =>
        (await db.CaseReferrals.AsNoTracking().Where(r => r.CaseId == row.Id).ToListAsync(ct))
            .OrderByDescending(r => r.ReferredAt).Select(r => ToView(r, key)).ToList();

    public async Task<ReferralView?> ReferAsync(Guid caseId, long expectedVersion, ReferInput input, CancellationToken ct = default)
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
        var fields = input.Fields.Distinct().ToList();
        if (fields.Count == 0 || fields.Any(f => !CaseSharing.Fields.Contains(f)))
        {
            throw new CaseRefusedException("Protection.FieldsInvalid");
        }
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.PartnerId && p.Active, ct)
            ?? throw new CaseRefusedException("Protection.PartnerNotFound");
        if (!partner.ServiceList.Contains(input.Service))
        {
            throw new CaseRefusedException("Protection.ServiceNotOffered");
        }
        var decision = await sharing.CheckAsync(row, Sharing.Referral, input.OverrideReason, ct);
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        var referral = new CaseReferral
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            PartnerId = partner.Id,
            Service = input.Service,
            Status = ReferralStatus.InProgress,
            SharedFields = string.Join(' ', fields),
            ReferredBy = scope.StaffUserId!,
            ReferredAt = now,
            ConsentOverriddenBy = decision.Overridden ? scope.StaffUserId : null,
            Sealed = [],
        };
        var content = new ReferralContent(await sharing.SnapshotAsync(row, key, fields, ct), decision.Overridden ? input.OverrideReason!.Trim() : null, null);
        referral.Sealed = CaseSealer.Seal(key, "referral", referral.Id, content);
        db.CaseReferrals.Add(referral);
        row.OpenServices++;
        Touch(row, now);
        await SaveAsync(row, Events(caseId, $"case.referral.create", $"referral={referral.Id} partner={partner.Id} fields={referral.SharedFields}", decision, Sharing.Referral), ct);
        return ToView(referral, key);
    }

    /// <summary>
    /// Moves a referral on (the partner's answer, the service done, revoked); a rejection needs its reason. With
    /// <paramref name="expectedVersion"/> (the case page's form) a case changed since it was read is a conflict.
    /// </summary>
    public async Task<ReferralView?> StepAsync(Guid caseId, Guid referralId, ReferralStep step, string? reason, CancellationToken ct = default, long? expectedVersion = null)
    {
        var referral = await db.CaseReferrals.FirstOrDefaultAsync(r => r.Id == referralId && r.CaseId == caseId, ct);
        var row = referral is null ? null : await db.ProtectionCases.Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (referral is null || row is null)
        {
            return null;
        }
        if (row.OwnerId != scope.StaffUserId)
        {
            throw new CaseRefusedException("Protection.OwnerOnly");
        }
        if (expectedVersion is { } version && row.Version != version)
        {
            throw new ConcurrencyConflictException();
        }
        var next = Referrals.Next(referral.Status, step, reason)
            ?? throw new CaseRefusedException(step == ReferralStep.Reject && string.IsNullOrWhiteSpace(reason) ? "Protection.RejectionNeedsReason" : "Protection.ReferralStepInvalid");
        var now = clock.GetUtcNow();
        var key = keys.OpenKey(row.Key!);
        if (step == ReferralStep.Reject)
        {
            var content = CaseSealer.Open<ReferralContent>(key, "referral", referral.Id, referral.Sealed);
            referral.Sealed = CaseSealer.Seal(key, "referral", referral.Id, content with { RejectionReason = reason!.Trim() });
        }
        if (step is ReferralStep.Accept or ReferralStep.Reject)
        {
            referral.AnsweredAt = now;
        }
        if (!Referrals.IsOpen(next))
        {
            referral.ClosedAt = now;
            row.OpenServices = Math.Max(0, row.OpenServices - 1);
            row.ServicesProvided += next == ReferralStatus.Done ? 1 : 0;
        }
        referral.Status = next;
        Touch(row, now);
        await SaveAsync(row, [new AuditEvent($"case.referral.{step.ToString().ToLowerInvariant()}", "protection-case", caseId.ToString(), $"referral={referral.Id}")], ct);
        return ToView(referral, key);
    }

    /// <summary>The sharing's audit entries: the change, and an override of missing consent as its own entry (purposes only, no reason text).</summary>
    internal static List<AuditEvent> Events(Guid caseId, string action, string detail, SharingDecision decision, Sharing kind)
    {
        var events = new List<AuditEvent> { new(action, "protection-case", caseId.ToString(), detail) };
        if (decision.Overridden)
        {
            events.Add(new AuditEvent("case.consent.override", "protection-case", caseId.ToString(), $"sharing={kind} missing={string.Join(',', decision.Missing)}"));
        }
        return events;
    }

    internal static void Touch(ProtectionCase row, DateTimeOffset now)
    {
        row.Version++;
        row.UpdatedAt = now;
    }

    internal async Task SaveAsync(ProtectionCase row, IEnumerable<AuditEvent> events, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, events.Select(e => e with { People = row.PersonId is { } p ? [p] : [] }), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private ReferralView ToView(CaseReferral r, byte[] key) => new(r.Id, r.PartnerId, r.Service, r.Status,
        r.SharedFields.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.ReferredBy, r.ReferredAt, r.AnsweredAt,
        Referrals.IsStale(r.Status, r.ReferredAt, clock.GetUtcNow(), options.StaleReferral), r.ConsentOverriddenBy is not null,
        CaseSealer.Open<ReferralContent>(key, "referral", r.Id, r.Sealed));
}
