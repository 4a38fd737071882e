using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Education;

/// <summary>A learner of a section as their teacher or coordinator sees them: seat, status, and name and phone when the reader's fields show them.</summary>
public sealed record LearnerView(Guid EnrolmentId, Guid PersonId, int? SeatNumber, EnrolmentStatus Status, PersonName? Name, string? Phone, DateTimeOffset? OfferDeadline = null);

/// <summary>
/// The learners of one section. A teacher reaches only their own sections (any other is not there: null, a 404), a
/// coordinator the sections of their offices; the rows and people come through the request's access scope, and the
/// fields are cut to the reader's (a teacher: name and contact phone, never documents, food or protection data).
/// </summary>
public sealed class SectionRoster(PanahDbContext db, RegistrySealer sealer, AuditLog audit)
{
    public async Task<IReadOnlyList<LearnerView>?> LearnersAsync(int sectionId, CancellationToken ct = default)
    {
        var scope = db.Scope;
        var office = await db.ClassSections.AsNoTracking().Where(s => s.Id == sectionId).Select(s => (int?)s.FieldOfficeId).FirstOrDefaultAsync(ct);
        if (office is null || !scope.CoversSection(sectionId, office.Value))
        {
            return null;
        }
        var rows = await db.Enrolments.AsNoTracking()
            .Where(e => e.SectionId == sectionId && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Offered || e.Status == EnrolmentStatus.Completed))
            .Join(db.People.AsNoTracking().Include(p => p.Key), e => e.PersonId, p => p.Id, (e, p) => new { e, p })
            .ToListAsync(ct);
        var fields = scope.Fields;
        var learners = rows.Select(r =>
        {
            var details = fields.Shows(RegistryFields.Name) || fields.Shows(RegistryFields.Phone)
                ? r.p.Key!.IsErased() ? null : RegistrySealer.OpenPerson(sealer.OpenKey(r.p.Key!), r.p)
                : null;
            return new LearnerView(r.e.Id, r.p.Id, r.e.SeatNumber, r.e.Status,
                fields.Shows(RegistryFields.Name) ? details?.Name : null, fields.Shows(RegistryFields.Phone) ? details?.Phone : null, r.e.OfferDeadline);
        }).OrderBy(l => l.SeatNumber ?? int.MaxValue).ThenBy(l => l.EnrolmentId).ToList();
        await audit.SaveAsync(db, new AuditEvent("education.learners.view", "section", sectionId.ToString()) { People = [.. learners.Select(l => l.PersonId)] }, ct);
        return learners;
    }
}
