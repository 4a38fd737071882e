using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Staff;

namespace Panah.Data.Access;

/// <summary>A share request as its requester or its decider sees it: ids, the household code and the reason, no personal data.</summary>
public sealed record ShareRequestView(Guid Id, Guid HouseholdId, string HouseholdCode, string RequesterId, string Reason, GrantStatus Status, DateTimeOffset RequestedAt, long Version);

/// <summary>
/// Asking for a household outside one's scope to be shared (typically after the duplicate check found a
/// possible match in another office): a request with a reason, granted or refused by a registration officer
/// of the owning office or by the data protection officer. A granted request adds the household to the
/// requester's scope from their next request on.
/// </summary>
public sealed class ShareRequests(PanahDbContext db, UnscopedReads unscoped, AuditLog audit, IActor actor, TimeProvider clock)
{
    /// <summary>Roles that decide for their own offices' households.</summary>
    private static readonly string[] Deciders = [Roles.RegistrationOfficer, Roles.DataProtectionOfficer];

    /// <summary>The request (an existing open one for the same household is returned), or null when no household has that code.</summary>
    public async Task<AccessGrant?> RequestAsync(string householdCode, string reason, CancellationToken ct = default)
    {
        var staffUserId = db.Scope.StaffUserId ?? throw new InvalidOperationException("A share request needs a signed-in staff member.");
        var why = CheckReason(reason);
        var code = householdCode.Trim().ToUpperInvariant();
        var households = await unscoped.AllAsync<HouseholdRecord>("share-request", ct);
        if (await households.Where(h => h.Code == code).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct) is not { } id)
        {
            return null;
        }
        var open = await db.AccessGrants.FirstOrDefaultAsync(
            g => g.StaffUserId == staffUserId && g.HouseholdId == id && g.Kind == GrantKind.Share && g.Status != GrantStatus.Refused, ct);
        if (open is not null)
        {
            return open;
        }
        var request = new AccessGrant
        {
            Id = Guid.CreateVersion7(),
            StaffUserId = staffUserId,
            HouseholdId = id,
            Kind = GrantKind.Share,
            Status = GrantStatus.Pending,
            Reason = why,
            RequestedAt = clock.GetUtcNow(),
            Version = 1,
        };
        db.AccessGrants.Add(request);
        await audit.SaveAsync(db, new AuditEvent("access.share.request", "household", id.ToString(), $"request={request.Id}"), ct);
        return request;
    }

    /// <summary>The signed-in staff member's own requests, newest first.</summary>
    public Task<List<ShareRequestView>> MineAsync(CancellationToken ct = default) =>
        Views(db.AccessGrants.Where(g => g.Kind == GrantKind.Share && g.StaffUserId == db.Scope.StaffUserId), ct);

    /// <summary>Pending requests this staff member may decide: for households of their own offices.</summary>
    public async Task<List<ShareRequestView>> ToDecideAsync(CancellationToken ct = default)
    {
        if (!MayDecide)
        {
            return [];
        }
        var offices = db.Scope.OfficeIds;
        var all = db.Scope.AllOffices;
        return await Views(db.AccessGrants.Where(g => g.Kind == GrantKind.Share && g.Status == GrantStatus.Pending && g.StaffUserId != db.Scope.StaffUserId
            && db.Households.Any(h => h.Id == g.HouseholdId && (all || offices.Contains(h.FieldOfficeId)))), ct);
    }

    /// <summary>Grants or refuses; false when the request is not one this staff member may decide (or is no longer pending).</summary>
    public async Task<bool> DecideAsync(Guid id, bool grant, long expectedVersion, CancellationToken ct = default)
    {
        if (!MayDecide)
        {
            return false;
        }
        var offices = db.Scope.OfficeIds;
        var all = db.Scope.AllOffices;
        var request = await db.AccessGrants.FirstOrDefaultAsync(g => g.Id == id && g.Kind == GrantKind.Share && g.Status == GrantStatus.Pending
            && g.StaffUserId != db.Scope.StaffUserId && db.Households.Any(h => h.Id == g.HouseholdId && (all || offices.Contains(h.FieldOfficeId))), ct);
        if (request is null || request.Version != expectedVersion)
        {
            return false;
        }
        request.Status = grant ? GrantStatus.Granted : GrantStatus.Refused;
        request.DecidedAt = clock.GetUtcNow();
        request.DecidedBy = actor.Id;
        request.Version++;
        try
        {
            await audit.SaveAsync(db, new AuditEvent(grant ? "access.share.grant" : "access.share.refuse", "household", request.HouseholdId.ToString(), $"request={id}"), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        return true;
    }

    /// <summary>A reason is required, between <see cref="AccessLimits.MinReasonLength"/> and <see cref="AccessLimits.MaxReasonLength"/> characters of plain text.</summary>
    public static string CheckReason(string? reason)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length < AccessLimits.MinReasonLength || why.Length > AccessLimits.MaxReasonLength || !Core.PlainText.IsAllowed(why))
        {
            throw new AccessReasonException();
        }
        return why;
    }

    private bool MayDecide => db.Scope.Role is { } role && Deciders.Contains(role);

    /// <summary>The requests with their households' codes (a requester's household is outside their scope: read past the filter, audited).</summary>
    private async Task<List<ShareRequestView>> Views(IQueryable<AccessGrant> grants, CancellationToken ct)
    {
        var rows = await grants.AsNoTracking().OrderByDescending(g => g.Id).Take(200).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = rows.Select(g => g.HouseholdId).Distinct().ToList();
        var codes = await (await unscoped.AllAsync<HouseholdRecord>("share-requests", ct)).AsNoTracking()
            .Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Code, ct);
        return rows.Select(g => new ShareRequestView(g.Id, g.HouseholdId, codes.GetValueOrDefault(g.HouseholdId, ""), g.StaffUserId, g.Reason, g.Status, g.RequestedAt, g.Version)).ToList();
    }
}
