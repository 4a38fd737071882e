using Microsoft.EntityFrameworkCore;
using Panah.Data.Alerts;
using Panah.Data.Audit;
using Panah.Data.Entities;

namespace Panah.Data.Access;

/// <summary>The reason typed for access outside one's scope is missing, too short or too long.</summary>
public sealed class AccessReasonException() : ArgumentException("A reason of the required length is needed.");

/// <summary>
/// Break-glass: a staff member who reads the registry opens one household outside their scope, alone, for
/// <see cref="AccessOptions.BreakGlassMinutes"/>, after writing why. The grant lives in the database (every app
/// node honours it and its expiry), the opening is audited with ids only, and the data protection officer is alerted.
/// </summary>
public sealed class BreakGlass(PanahDbContext db, UnscopedReads unscoped, AuditLog audit, AlertLog alerts, IActor actor, TimeProvider clock, AccessOptions options)
{
    public const string AlertKind = "breakglass.opened";

    /// <summary>The grant, or null when no household has that code.</summary>
    public async Task<AccessGrant?> OpenAsync(string householdCode, string reason, CancellationToken ct = default)
    {
        var staffUserId = db.Scope.StaffUserId ?? throw new InvalidOperationException("Break-glass needs a signed-in staff member.");
        var why = ShareRequests.CheckReason(reason);
        var code = householdCode.Trim().ToUpperInvariant();
        var households = await unscoped.AllAsync<HouseholdRecord>("break-glass", ct);
        var householdId = await households.Where(h => h.Code == code).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        if (householdId is not { } id)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var grant = new AccessGrant
        {
            Id = Guid.CreateVersion7(),
            StaffUserId = staffUserId,
            HouseholdId = id,
            Kind = GrantKind.BreakGlass,
            Status = GrantStatus.Granted,
            Reason = why,
            RequestedAt = now,
            DecidedAt = now,
            DecidedBy = actor.Id,
            ExpiresAt = now.AddMinutes(options.BreakGlassMinutes),
            Version = 1,
        };
        db.AccessGrants.Add(grant);
        await audit.SaveAsync(db, new AuditEvent("access.breakglass", "household", id.ToString(), $"grant={grant.Id} minutes={options.BreakGlassMinutes}"), ct);
        await alerts.RaiseAsync(AlertKind, staffUserId, $"household={id} grant={grant.Id} minutes={options.BreakGlassMinutes} reason-length={why.Length}", ct);
        return grant;
    }
}
