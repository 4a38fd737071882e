using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Education;

// Holding and freeing seats: the rows, the section's guard and the consent check.
public sealed partial class Seats
{
    /// <summary>Seat numbers held and crèche places taken in a section, across every office's learners (numbers, no person).</summary>
    private async Task<(HashSet<int> Seats, int Creche)> HeldAsync(int sectionId, CancellationToken ct)
    {
        var held = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => e.SectionId == sectionId && e.SeatNumber != null).Select(e => new { Seat = e.SeatNumber!.Value, e.CrecheChildren }).ToListAsync(ct);
        return ([.. held.Select(h => h.Seat)], held.Sum(h => h.CrecheChildren));
    }

    /// <summary>Adds the row holding the lowest free seat, and bumps the section's and the application's versions.</summary>
    private Enrolment Hold(ClassSection section, ClassApplication application, HashSet<int> seats, int creche, EnrolmentStatus status)
    {
        if (seats.Count >= section.Capacity)
        {
            throw new EnrolmentRefusedException(EnrolmentRefusedException.SectionFull);
        }
        if (application.CrecheChildren > section.CrechePlaces - creche)
        {
            throw new EnrolmentRefusedException(EnrolmentRefusedException.CrecheFull);
        }
        var number = Enumerable.Range(1, section.Capacity).First(n => !seats.Contains(n));
        var now = clock.GetUtcNow();
        var enrolment = new Enrolment
        {
            Id = Guid.CreateVersion7(),
            SectionId = section.Id,
            ApplicationId = application.Id,
            PersonId = application.PersonId,
            HouseholdId = application.HouseholdId,
            FieldOfficeId = application.FieldOfficeId,
            SeatNumber = number,
            Status = status,
            CrecheChildren = application.CrecheChildren,
            OfferedAt = now,
            EnrolledAt = status == EnrolmentStatus.Enrolled ? now : null,
            DecidedBy = acting.Id,
            Version = 1,
        };
        db.Enrolments.Add(enrolment);
        application.Status = status == EnrolmentStatus.Enrolled ? ApplicationStatus.Enrolled : ApplicationStatus.Offered;
        application.Version++;
        section.Version++;
        return enrolment;
    }

    private void Free(Enrolment enrolment, EnrolmentStatus status)
    {
        enrolment.Status = status;
        enrolment.SeatNumber = null;
        enrolment.EndedAt = clock.GetUtcNow();
        enrolment.Version++;
    }

    /// <summary>
    /// Saves a seat taken; false when another request took a seat of the section or changed the application first
    /// (the caller reads again and retries). After a few lost races the section counts as full: someone is filling it.
    /// </summary>
    private async Task<bool> TrySaveAsync(AuditEvent e, int attempt, CancellationToken ct, bool contestedIsFull = true)
    {
        try
        {
            await audit.SaveAsync(db, e, ct);
            return true;
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            if (contestedIsFull && attempt >= Attempts)
            {
                throw new EnrolmentRefusedException(EnrolmentRefusedException.SectionFull);
            }
            return false;
        }
    }

    private async Task SaveOrConflictAsync(AuditEvent e, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, e, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new EnrolmentRefusedException(EnrolmentRefusedException.NotOffered);
        }
    }

    /// <summary>An open offer of a section at the reader's offices, with its application, tracked; nulls when there is none in scope.</summary>
    private async Task<(Enrolment?, ClassApplication?)> OfferAsync(Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        var office = enrolment is null ? null : await db.ClassSections.Where(s => s.Id == enrolment.SectionId).Select(s => (int?)s.FieldOfficeId).FirstOrDefaultAsync(ct);
        if (enrolment is null || office is null || !db.Scope.CoversOffice(office.Value))
        {
            return (null, null);
        }
        if (enrolment.Status != EnrolmentStatus.Offered)
        {
            throw new EnrolmentRefusedException(EnrolmentRefusedException.NotOffered);
        }
        var application = await UnscopedReads.AcrossOffices<ClassApplication>(db).FirstAsync(a => a.Id == enrolment.ApplicationId, ct);
        return (enrolment, application);
    }

    /// <summary>Lapses the offer if its deadline has passed; true when this call freed its seat (the caller offers it on).</summary>
    private async Task<bool> LapseAsync(Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await UnscopedReads.AcrossOffices<Enrolment>(db).FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        if (enrolment is not { Status: EnrolmentStatus.Offered, OfferDeadline: { } deadline } || deadline > clock.GetUtcNow())
        {
            db.ChangeTracker.Clear();
            return false;
        }
        var application = await UnscopedReads.AcrossOffices<ClassApplication>(db).FirstAsync(a => a.Id == enrolment.ApplicationId, ct);
        Free(enrolment, EnrolmentStatus.Lapsed);
        application.Status = ApplicationStatus.Lapsed;
        application.Version++;
        try
        {
            await audit.SaveAsync(db, new AuditEvent("education.offer.lapse", "enrolment", enrolmentId.ToString()) { People = [enrolment.PersonId] }, ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request lapsed or answered it first, and offers the seat on itself.
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether the person's data may be used for education today (the registry's one consent rule).</summary>
    private async Task<bool> ConsentedAsync(Guid personId, CancellationToken ct)
    {
        var person = await db.People.IgnoreQueryFilters([AccessScope.FilterName]).AsNoTracking().Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == personId, ct);
        return person is not null && !person.Key!.IsErased()
            && consent.MayUse(RegistrySealer.OpenPerson(sealer.OpenKey(person.Key!), person).Consents, ConsentPurpose.Education, Today);
    }

    /// <summary>The first applicant, in waitlist order, whom the seat suits and who has consented to education.</summary>
    private async Task<WaitlistPlace?> NextConsentedAsync(IReadOnlyList<WaitlistPlace> ranked, WaitlistSeat seat, CancellationToken ct)
    {
        foreach (var place in ranked.Where(p => WaitlistRanking.Suits(p.Applicant, seat)))
        {
            var personId = await UnscopedReads.AcrossOffices<ClassApplication>(db).Where(a => a.Id == place.Applicant.Id).Select(a => a.PersonId).FirstAsync(ct);
            if (await ConsentedAsync(personId, ct))
            {
                return place;
            }
        }
        return null;
    }

    private static EnrolmentView View(Enrolment e) => new(e.Id, e.SectionId, e.ApplicationId, e.PersonId, e.SeatNumber, e.Status, e.OfferDeadline);
}
