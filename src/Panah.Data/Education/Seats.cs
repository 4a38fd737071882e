using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Registry;

namespace Panah.Data.Education;

public sealed record EnrolmentView(Guid Id, int SectionId, Guid ApplicationId, Guid PersonId, int? SeatNumber, EnrolmentStatus Status, DateTimeOffset? OfferDeadline);

/// <summary>
/// Giving seats, once each. Every seat taken bumps the section's version (a guarded counter: two coordinators acting
/// on one section at once cannot both save) and holds a seat number the database keeps unique per section. A freed
/// seat (declined, lapsed, withdrawn) is offered at once to the next applicant on the fair waitlist that it suits and
/// whose education consent is in force, with a deadline to accept.
/// </summary>
public sealed partial class Seats(
    PanahDbContext db, Waitlist waitlist, EducationOptions options, ConsentRules consent, RegistrySealer sealer, AuditLog audit, ActingStaff acting, TimeProvider clock)
{
    private const int Attempts = 8;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>A coordinator enrols a waiting applicant straight into a section; null when the section or the applicant is not in scope.</summary>
    /// <exception cref="EnrolmentRefusedException">The section is full, its crèche is, it does not suit the applicant, or consent is missing.</exception>
    public async Task<EnrolmentView?> EnrolAsync(int sectionId, Guid applicationId, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var section = await db.ClassSections.Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == sectionId, ct);
            var application = await db.ClassApplications.FirstOrDefaultAsync(a => a.Id == applicationId, ct);
            if (section is null || !db.Scope.CoversOffice(section.FieldOfficeId) || application is null)
            {
                return null;
            }
            if (application.Status != ApplicationStatus.Waiting)
            {
                throw new EnrolmentRefusedException(EnrolmentRefusedException.NotWaiting);
            }
            var applicant = Waitlist.Applicant(application);
            var (seats, creche) = await HeldAsync(sectionId, ct);
            var seat = new WaitlistSeat(section.FieldOfficeId, section.TimeOfDay, section.WomenOnly, section.CrechePlaces - creche);
            if (application.Level != section.Course!.Level || !WaitlistRanking.Suits(applicant, seat with { FreeCrechePlaces = int.MaxValue }))
            {
                throw new EnrolmentRefusedException(EnrolmentRefusedException.Unsuited);
            }
            if (!await ConsentedAsync(application.PersonId, ct))
            {
                throw new EnrolmentRefusedException(EnrolmentRefusedException.ConsentMissing);
            }
            var enrolment = Hold(section, application, seats, creche, EnrolmentStatus.Enrolled);
            if (await TrySaveAsync(new AuditEvent("education.enrol", "enrolment", enrolment.Id.ToString(), $"section={sectionId} seat={enrolment.SeatNumber}")
            {
                People = [application.PersonId],
            }, attempt, ct))
            {
                return View(enrolment);
            }
        }
    }

    /// <summary>The applicant accepts the seat offered (before its deadline); null when the offer is not in scope.</summary>
    public async Task<EnrolmentView?> AcceptAsync(Guid enrolmentId, CancellationToken ct = default)
    {
        await RefreshSectionOfAsync(enrolmentId, ct);
        var (enrolment, application) = await OfferAsync(enrolmentId, ct);
        if (enrolment is null || application is null)
        {
            return null;
        }
        if (!await ConsentedAsync(enrolment.PersonId, ct))
        {
            throw new EnrolmentRefusedException(EnrolmentRefusedException.ConsentMissing);
        }
        enrolment.Status = EnrolmentStatus.Enrolled;
        enrolment.EnrolledAt = clock.GetUtcNow();
        enrolment.Version++;
        application.Status = ApplicationStatus.Enrolled;
        application.Version++;
        await SaveOrConflictAsync(new AuditEvent("education.offer.accept", "enrolment", enrolmentId.ToString()) { People = [enrolment.PersonId] }, ct);
        return View(enrolment);
    }

    /// <summary>The applicant declines the seat offered: it passes to the next applicant.</summary>
    public async Task<EnrolmentView?> DeclineAsync(Guid enrolmentId, CancellationToken ct = default)
    {
        await RefreshSectionOfAsync(enrolmentId, ct);
        var (enrolment, application) = await OfferAsync(enrolmentId, ct);
        if (enrolment is null || application is null)
        {
            return null;
        }
        Free(enrolment, EnrolmentStatus.Declined);
        application.Status = ApplicationStatus.Declined;
        application.Version++;
        await SaveOrConflictAsync(new AuditEvent("education.offer.decline", "enrolment", enrolmentId.ToString()) { People = [enrolment.PersonId] }, ct);
        await OfferFreedAsync(enrolment.SectionId, 1, ct);
        return View(enrolment);
    }

    /// <summary>An enrolled learner leaves the section: the seat passes to the next applicant.</summary>
    public async Task<EnrolmentView?> WithdrawAsync(Guid enrolmentId, CancellationToken ct = default)
    {
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Id == enrolmentId, ct);
        var section = enrolment is null ? null : await db.ClassSections.FirstOrDefaultAsync(s => s.Id == enrolment.SectionId, ct);
        if (enrolment is null || section is null || !db.Scope.CoversOffice(section.FieldOfficeId))
        {
            return null;
        }
        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new EnrolmentRefusedException(EnrolmentRefusedException.NotOffered);
        }
        var application = await UnscopedReads.AcrossOffices<ClassApplication>(db).FirstAsync(a => a.Id == enrolment.ApplicationId, ct);
        Free(enrolment, EnrolmentStatus.Withdrawn);
        application.Status = ApplicationStatus.Withdrawn;
        application.Version++;
        section.Version++;
        await SaveOrConflictAsync(new AuditEvent("education.withdraw", "enrolment", enrolmentId.ToString()) { People = [enrolment.PersonId] }, ct);
        await OfferFreedAsync(section.Id, 1, ct);
        return View(enrolment);
    }

    /// <summary>
    /// Brings a section's offers up to date: offers whose deadline passed lapse, and each seat they held is offered to
    /// the next applicant it suits. Run before a section's waitlist is shown, before an offer is answered, and by the
    /// sweep (<see cref="LapseOverdueAsync"/>). Returns how many offers this call lapsed.
    /// </summary>
    public async Task<int> RefreshAsync(int sectionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // Deadlines are compared here, not in SQL (SQLite cannot order DateTimeOffset values); a section holds few offers.
        var offers = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => e.SectionId == sectionId && e.Status == EnrolmentStatus.Offered).Select(e => new { e.Id, e.OfferDeadline }).ToListAsync(ct);
        var lapsed = 0;
        foreach (var offer in offers.Where(o => o.OfferDeadline <= now))
        {
            lapsed += await LapseAsync(offer.Id, ct) ? 1 : 0;
        }
        if (lapsed > 0)
        {
            await OfferFreedAsync(sectionId, lapsed, ct);
        }
        return lapsed;
    }

    /// <summary>
    /// The sweep: every section holding an offer whose deadline has passed is brought up to date as
    /// <see cref="RefreshAsync"/> does (the same lapse and the same guarded offer of the freed seat, so a sweep racing a
    /// coordinator or another node gives no seat twice). System work: the caller's scope must cover every office.
    /// Returns how many offers lapsed.
    /// </summary>
    public async Task<int> LapseOverdueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // Open offers are few (one per seat at most); deadlines compared here for SQLite's sake, as in RefreshAsync.
        var offers = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => e.Status == EnrolmentStatus.Offered && e.OfferDeadline != null).Select(e => new { e.SectionId, e.OfferDeadline }).ToListAsync(ct);
        var lapsed = 0;
        foreach (var section in offers.Where(o => o.OfferDeadline <= now).Select(o => o.SectionId).Distinct().Order())
        {
            lapsed += await RefreshAsync(section, ct);
        }
        return lapsed;
    }

    private async Task RefreshSectionOfAsync(Guid enrolmentId, CancellationToken ct)
    {
        if (await UnscopedReads.AcrossOffices<Enrolment>(db).Where(e => e.Id == enrolmentId).Select(e => (int?)e.SectionId).FirstOrDefaultAsync(ct) is { } section)
        {
            await RefreshAsync(section, ct);
        }
    }

    /// <summary>
    /// Offers <paramref name="freed"/> seats just freed, each to the next applicant on the waitlist it suits who has
    /// consented to education (seats never given out are the coordinator's to fill from the waitlist).
    /// </summary>
    private async Task OfferFreedAsync(int sectionId, int freed, CancellationToken ct)
    {
        var offered = 0;
        for (var attempt = 0; attempt < Attempts * 4; attempt++)
        {
            db.ChangeTracker.Clear();
            var section = await db.ClassSections.Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == sectionId, ct);
            if (section is null || section.Status is SectionStatus.Closed or SectionStatus.Cancelled)
            {
                return;
            }
            var (seats, creche) = await HeldAsync(sectionId, ct);
            if (seats.Count >= section.Capacity)
            {
                return;
            }
            var seat = new WaitlistSeat(section.FieldOfficeId, section.TimeOfDay, section.WomenOnly, section.CrechePlaces - creche);
            var next = await NextConsentedAsync(await waitlist.RankAsync(section, section.Course!.Level, ct), seat, ct);
            if (next is null)
            {
                return;
            }
            var application = await UnscopedReads.AcrossOffices<ClassApplication>(db).FirstAsync(a => a.Id == next.Applicant.Id, ct);
            var offer = Hold(section, application, seats, creche, EnrolmentStatus.Offered);
            offer.OfferDeadline = clock.GetUtcNow().AddHours(options.OfferDeadlineHours);
            if (await TrySaveAsync(new AuditEvent("education.offer", "enrolment", offer.Id.ToString(), $"section={sectionId} seat={offer.SeatNumber} position={next.Position}")
            {
                People = [application.PersonId],
            }, 0, ct, contestedIsFull: false) && ++offered == freed)
            {
                return;
            }
        }
    }
}
