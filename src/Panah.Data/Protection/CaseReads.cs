using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Alerts;
using Panah.Data.Audit;
using Panah.Data.Registry;
using Panah.Data.Staff;

namespace Panah.Data.Protection;

/// <summary>
/// The one way a case's content is read: through the access filter, audited at every read, and when the reader is
/// the data protection officer (subject access, erasure) also alerted, so no one reads a case unseen.
/// Other features' case rows (notes, referrals…) call <see cref="AuditAsync"/> for the same rule.
/// </summary>
public sealed class CaseReads(PanahDbContext db, AccessScope scope, AuditLog audit, AlertLog alerts, RegistrySealer keys)
{
    /// <summary>The case if this scope sees it, else null (the caller answers 404); audited (and alerted for the DPO).</summary>
    public async Task<ProtectionCase?> FindAsync(Guid caseId, string purpose, CancellationToken ct = default)
    {
        var row = await db.ProtectionCases.AsNoTracking().Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (row is not null)
        {
            await AuditAsync(row.Id, row.PersonId, purpose, ct);
        }
        return row;
    }

    /// <summary>Records that a case (or a row of it) was read; raises an alert when the reader is the DPO.</summary>
    public async Task AuditAsync(Guid caseId, Guid? personId, string purpose, CancellationToken ct = default)
    {
        var id = caseId.ToString();
        if (scope.Role == Roles.DataProtectionOfficer)
        {
            await alerts.RaiseAsync("case.dpo-read", scope.StaffUserId, $"case={id} purpose={purpose}", ct);
        }
        await audit.SaveAsync(db, new AuditEvent("case.read", "protection-case", id, $"purpose={purpose}") { People = personId is { } p ? [p] : [] }, ct);
    }

    /// <summary>The case's clear data key, to open what is sealed under it.</summary>
    public byte[] KeyOf(ProtectionCase row) => keys.OpenKey(row.Key ?? throw new InvalidOperationException("Load the case with its key."));
}
