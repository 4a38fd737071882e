using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Erasure;

namespace Panah.Data.Retention;

/// <summary>An open or lifted hold as the officer's page lists it: the household's code or the person's id, never a name.</summary>
public sealed record LegalHoldView(long Id, string? HouseholdCode, Guid? PersonId, string Reason, DateTimeOffset SetAt, string SetBy, DateTimeOffset? LiftedAt, string? LiftedBy);

/// <summary>
/// Placing and lifting legal holds: while a hold stands on a household (all its members) or a person, retention does
/// not erase them. Audited with ids only; the reason is the officer's text and stays in the hold's row.
/// </summary>
public sealed class LegalHolds(PanahDbContext db, AuditLog audit, IActor actor, TimeProvider clock)
{
    /// <summary>Null when the reason is acceptable, else the message key saying why not.</summary>
    public static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "LegalHold.ReasonRequired" : PersonErasure.CheckReason(reason);

    /// <summary>The hold, or null when no household has that code.</summary>
    public async Task<LegalHold?> PlaceOnHouseholdAsync(string householdCode, string reason, CancellationToken ct = default)
    {
        var code = householdCode.Trim().ToUpperInvariant();
        var householdId = await db.Households.Where(h => h.Code == code).Select(h => (Guid?)h.Id).FirstOrDefaultAsync(ct);
        return householdId is { } id ? await PlaceAsync(new LegalHold { HouseholdId = id, Reason = reason.Trim(), SetBy = actor.Id }, "household", id, null, ct) : null;
    }

    /// <summary>The hold, or null when no person has that id.</summary>
    public async Task<LegalHold?> PlaceOnPersonAsync(Guid personId, string reason, CancellationToken ct = default) =>
        await db.People.AnyAsync(p => p.Id == personId, ct)
            ? await PlaceAsync(new LegalHold { PersonId = personId, Reason = reason.Trim(), SetBy = actor.Id }, "person", personId, personId, ct)
            : null;

    /// <summary>False when no open hold has that id.</summary>
    public async Task<bool> LiftAsync(long id, CancellationToken ct = default)
    {
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == id && h.LiftedAt == null, ct);
        if (hold is null)
        {
            return false;
        }
        hold.LiftedAt = clock.GetUtcNow();
        hold.LiftedBy = actor.Id;
        var (type, target) = hold.HouseholdId is { } h ? ("household", h) : ("person", hold.PersonId!.Value);
        await audit.SaveAsync(db, new AuditEvent("legalhold.lift", type, target.ToString(), $"hold={hold.Id}") { People = hold.PersonId is { } p ? [p] : [] }, ct);
        return true;
    }

    /// <summary>Open holds first, then the latest lifted ones.</summary>
    public async Task<List<LegalHoldView>> ListAsync(int take, CancellationToken ct = default)
    {
        var rows = await db.LegalHolds.AsNoTracking().OrderByDescending(h => h.Id).Take(take)
            .Select(h => new { h.Id, h.HouseholdId, h.PersonId, h.Reason, h.SetAt, h.SetBy, h.LiftedAt, h.LiftedBy }).ToListAsync(ct);
        var householdIds = rows.Where(r => r.HouseholdId != null).Select(r => r.HouseholdId!.Value).ToList();
        var codes = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Code, ct);
        return rows.OrderBy(r => r.LiftedAt is not null).ThenByDescending(r => r.Id)
            .Select(r => new LegalHoldView(r.Id, r.HouseholdId is { } h ? codes.GetValueOrDefault(h) : null, r.PersonId, r.Reason, r.SetAt, r.SetBy, r.LiftedAt, r.LiftedBy))
            .ToList();
    }

    private async Task<LegalHold> PlaceAsync(LegalHold hold, string type, Guid target, Guid? person, CancellationToken ct)
    {
        if (CheckReason(hold.Reason) is { } problem)
        {
            throw new ArgumentException(problem, nameof(hold));
        }
        hold.SetAt = clock.GetUtcNow();
        db.LegalHolds.Add(hold);
        // One transaction: the hold and its audit entry (the hold's id is not known before it is saved; the lift names it).
        await audit.SaveAsync(db, new AuditEvent("legalhold.place", type, target.ToString()) { People = person is { } p ? [p] : [] }, ct);
        return hold;
    }
}
