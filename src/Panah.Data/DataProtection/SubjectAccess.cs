using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.DataProtection;

/// <summary>One audit entry about the person: who (account id, and the staff member's name when it is a person), what, when, from where.</summary>
public sealed record SubjectAuditLine(long Id, DateTimeOffset At, string Actor, string? StaffName, string Action, string EntityType, string? EntityId, string? Origin, string? Detail);

/// <summary>A possible-duplicate pair the person is part of, and its decision.</summary>
public sealed record SubjectDuplicateReview(Guid Id, Guid OtherPersonId, double Probability, string Reason, ReviewStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy);

/// <summary>
/// The person's household as it concerns them: its own fields and how the others relate to the head. The other
/// members' names and details are their own personal data, not the requester's, so they are not in the report.
/// </summary>
public sealed record SubjectHousehold(Guid Id, string Code, string FieldOfficeCode, string FieldOfficeName, DateOnly RegisteredOn, HouseholdDetails Details, IReadOnlyList<Relationship> OtherMembers);

/// <summary>Everything Panah holds about one person, who viewed or changed it, and to whom it was sent.</summary>
public sealed record SubjectAccessReport(
    DateTimeOffset ProducedAt,
    PersonView Person,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SubjectHousehold Household,
    IReadOnlyList<SubjectDuplicateReview> DuplicateReviews,
    IReadOnlyList<SubjectAuditLine> Audit)
{
    /// <summary>Audit actions that record data leaving Panah start with this; their detail names the recipient.</summary>
    public const string ExportPrefix = "export.";

    /// <summary>To whom the person's data was sent: every export entry about them.</summary>
    public IReadOnlyList<SubjectAuditLine> Disclosures => Audit.Where(a => a.Action.StartsWith(ExportPrefix, StringComparison.Ordinal)).ToList();
}

/// <summary>
/// Subject access (KVKK article 11): the data protection officer's report on one person. Producing it is itself audited,
/// before anything is read, so the report lists its own entry too.
/// </summary>
public sealed class SubjectAccess(PanahDbContext db, RegistrySealer sealer, AuditLog audit, TimeProvider clock)
{
    public const string Action = "person.subject-access";

    /// <summary>The report on <paramref name="personId"/>, or null when there is no such person; <paramref name="format"/> ("json", "page:tr"…) goes in the audit entry.</summary>
    public async Task<SubjectAccessReport?> ReportAsync(Guid personId, string format, CancellationToken ct = default)
    {
        var p = await db.People.AsNoTracking().Include(x => x.Key)
            .Include(x => x.Household).ThenInclude(h => h!.Key)
            .Include(x => x.Household).ThenInclude(h => h!.FieldOffice)
            .FirstOrDefaultAsync(x => x.Id == personId, ct);
        if (p is null)
        {
            return null;
        }
        await audit.SaveAsync(db, new AuditEvent(Action, "person", personId.ToString(), "format=" + format) { People = [personId] }, ct);
        var h = p.Household!;
        var details = RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p);
        var others = await db.People.AsNoTracking().Where(m => m.HouseholdId == h.Id && m.Id != personId)
            .OrderBy(m => m.Relationship).Select(m => m.Relationship).ToListAsync(ct);
        var household = new SubjectHousehold(h.Id, h.Code, h.FieldOffice!.Code, h.FieldOffice.Name, h.RegisteredOn,
            RegistrySealer.OpenHousehold(sealer.OpenKey(h.Key!), h), others);
        var reviews = await db.DuplicateReviews.AsNoTracking().Where(r => r.PersonAId == personId || r.PersonBId == personId).ToListAsync(ct);
        return new SubjectAccessReport(
            clock.GetUtcNow(),
            new PersonView(p.Id, p.HouseholdId, h.Code, h.District, p.Version, details, p.MergedIntoId),
            p.CreatedAt,
            p.UpdatedAt,
            household,
            // Ordered here: SQLite cannot order by a DateTimeOffset, and a person is in a handful of pairs at most.
            reviews.OrderBy(r => r.CreatedAt).Select(r => new SubjectDuplicateReview(r.Id, r.PersonAId == personId ? r.PersonBId : r.PersonAId, r.Probability, r.Reason, r.Status, r.CreatedAt, r.DecidedAt, r.DecidedBy)).ToList(),
            await AuditAsync(personId, h.Id, ct));
    }

    /// <summary>Entries about the person (by id, or naming them among the people shown) and about their household.</summary>
    private async Task<List<SubjectAuditLine>> AuditAsync(Guid personId, Guid householdId, CancellationToken ct)
    {
        var person = personId.ToString();
        var household = householdId.ToString();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == "person" && e.EntityId == person) || (e.EntityType == "household" && e.EntityId == household)
                || e.Subjects.Any(s => s.PersonId == personId))
            .OrderBy(e => e.Id).ToListAsync(ct);
        var staffIds = entries.Select(e => StaffId(e.Actor)).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return entries.Select(e => new SubjectAuditLine(e.Id, e.At, e.Actor, StaffId(e.Actor) is { } id ? names.GetValueOrDefault(id) : null,
            e.Action, e.EntityType, e.EntityId, e.Origin, e.Detail)).ToList();
    }

    /// <summary>The staff account in an actor ("user:ID" or "service:ID", perhaps followed by " token:…").</summary>
    private static string? StaffId(string actor)
    {
        var head = actor.Split(' ')[0];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && head[..colon] is "user" or "service" ? head[(colon + 1)..] : null;
    }
}
