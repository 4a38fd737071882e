using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Education;

/// <summary>
/// One application's standing: its place on the waitlist of its level at its site (null unless waiting), how many wait
/// there, its priority with every reason's weight, and its place in line for each section there that suits it.
/// </summary>
public sealed record ApplicationStandingView(
    ApplicationView Application, PersonName? Name, WaitlistPreferences Preferences, int? Position, int Waiting,
    PriorityExplanation Priority, IReadOnlyList<SectionStandingView> Sections);

/// <summary>
/// A section of the application's level at its site: whether it suits the applicant (site, time, women-only, crèche
/// places free), whether only the crèche stands in the way, and the applicant's place among those it suits.
/// </summary>
public sealed record SectionStandingView(
    int SectionId, string Name, TimeOfDay TimeOfDay, bool WomenOnly, int SeatsFree, int CrecheFree, bool Suits, bool OnlyCrecheMissing, int? Position, int InLine);

public sealed partial class Waitlist
{
    /// <summary>An application's standing; null when it is not at the reader's offices. The read is audited.</summary>
    public async Task<ApplicationStandingView?> ForApplicationAsync(Guid applicationId, CancellationToken ct = default)
    {
        var application = await db.ClassApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct);
        if (application is null)
        {
            return null;
        }
        var me = Applicant(application);
        var site = me.Preferences.SiteOfficeId!.Value;
        var ranked = await RankAsync(site, application.Level, ct);
        var now = clock.GetUtcNow();
        var waiting = application.Status == ApplicationStatus.Waiting;
        var sections = await db.ClassSections.AsNoTracking()
            .Where(s => s.FieldOfficeId == site && s.Course!.Level == application.Level && (s.Status == SectionStatus.Planned || s.Status == SectionStatus.Running))
            .OrderBy(s => s.StartsOn).ThenBy(s => s.Id).ToListAsync(ct);
        sections = [.. sections.Where(s => db.Scope.CoversOffice(s.FieldOfficeId))];
        var ids = sections.Select(s => s.Id).ToList();
        var held = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => ids.Contains(e.SectionId) && e.SeatNumber != null)
            .GroupBy(e => e.SectionId).Select(g => new { g.Key, Seats = g.Count(), Creche = g.Sum(e => e.CrecheChildren) })
            .ToDictionaryAsync(g => g.Key, ct);
        var standings = sections.Select(s =>
        {
            var taken = held.GetValueOrDefault(s.Id);
            var seat = new WaitlistSeat(s.FieldOfficeId, s.TimeOfDay, s.WomenOnly, s.CrechePlaces - (taken?.Creche ?? 0));
            var suits = WaitlistRanking.Suits(me, seat);
            var line = ranked.Where(p => WaitlistRanking.Suits(p.Applicant, seat)).ToList();
            var position = waiting && suits ? line.FindIndex(p => p.Applicant.Id == me.Id) + 1 : 0;
            return new SectionStandingView(s.Id, s.Name, s.TimeOfDay, s.WomenOnly, Math.Max(0, s.Capacity - (taken?.Seats ?? 0)), Math.Max(0, seat.FreeCrechePlaces),
                suits, !suits && WaitlistRanking.Suits(me, seat with { FreeCrechePlaces = int.MaxValue }), position > 0 ? position : null, line.Count);
        }).ToList();
        var place = waiting ? ranked.FirstOrDefault(p => p.Applicant.Id == me.Id)?.Position : null;
        PersonName? name = null;
        if (db.Scope.Fields.Shows(RegistryFields.Name))
        {
            var person = await db.People.AsNoTracking().Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == application.PersonId, ct);
            name = person is not null && !person.Key!.IsErased() ? RegistrySealer.OpenPerson(sealer.OpenKey(person.Key!), person).Name : null;
        }
        await audit.SaveAsync(db, new Audit.AuditEvent("education.application.view", "application", applicationId.ToString()) { People = [application.PersonId] }, ct);
        return new ApplicationStandingView(
            new ApplicationView(application.Id, application.PersonId, application.Level, application.PlacementScore, application.Status, application.AppliedAt),
            name, me.Preferences, place, ranked.Count, PriorityExplanation.Of(me.Inputs, options.Priority, now), standings);
    }
}
