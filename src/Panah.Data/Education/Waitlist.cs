using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Education;

/// <summary>An applicant's line on a section's waitlist: position, score and why, preferences, and their name when the reader may see it.</summary>
public sealed record WaitlistEntryView(
    int Position, Guid ApplicationId, Guid PersonId, PersonName? Name, int Score, IReadOnlyList<PriorityPart> Parts, DateTimeOffset AppliedAt,
    WaitlistPreferences Preferences, bool IsWoman, bool SuitsSection);

/// <summary>Women waiting only for a crèche place, per level: the demand the NGO must raise money for.</summary>
public sealed record CrecheDemandView(int Women, int Children, IReadOnlyList<CrecheDemandLevel> Levels);

public sealed record CrecheDemandLevel(CefrLevel Level, int Women, int Children);

/// <summary>
/// The fair waitlist of a section: the waiting applications of its level whose site is the section's, ranked by
/// <see cref="WaitlistRanking"/>. The ranking reads every office's applications (ids, flags and dates, nothing that
/// names anyone) so positions are the same for every reader; names come through the reader's own scope.
/// </summary>
public sealed partial class Waitlist(PanahDbContext db, EducationOptions options, RegistrySealer sealer, Audit.AuditLog audit, TimeProvider clock)
{
    /// <summary>The ranked waitlist of a section (all of it, applicants only: the input of every offer).</summary>
    public Task<IReadOnlyList<WaitlistPlace>> RankAsync(ClassSection section, CefrLevel level, CancellationToken ct = default) =>
        RankAsync(section.FieldOfficeId, level, ct);

    /// <summary>The ranked waitlist of a level at a site: everyone a section of that level there could be offered to.</summary>
    public async Task<IReadOnlyList<WaitlistPlace>> RankAsync(int office, CefrLevel level, CancellationToken ct = default)
    {
        var rows = await UnscopedReads.AcrossOffices<ClassApplication>(db).AsNoTracking()
            .Where(a => a.Level == level && a.Status == ApplicationStatus.Waiting && (a.SiteOfficeId ?? a.FieldOfficeId) == office)
            .ToListAsync(ct);
        return WaitlistRanking.Rank(rows.Select(Applicant), options.Priority, clock.GetUtcNow());
    }

    public static WaitlistApplicant Applicant(ClassApplication a) => new(
        a.Id, a.IsWoman,
        new PriorityInputs(a.ResidencePermitNeedsTurkish, a.WorkNeedsTurkish, a.WomanHeadOfHousehold, a.RepeatsLevel, a.AppliedAt),
        new WaitlistPreferences(a.SiteOfficeId ?? a.FieldOfficeId, a.TimeOfDay, a.WomenOnly, a.CrecheChildren));

    /// <summary>The first <paramref name="take"/> places of a section's waitlist; null when the section is not at the reader's offices.</summary>
    public async Task<IReadOnlyList<WaitlistEntryView>?> ForSectionAsync(int sectionId, int take = 100, CancellationToken ct = default)
    {
        var section = await db.ClassSections.AsNoTracking().Include(s => s.Course).FirstOrDefaultAsync(s => s.Id == sectionId, ct);
        if (section is null || !db.Scope.CoversOffice(section.FieldOfficeId))
        {
            return null;
        }
        var ranked = (await RankAsync(section, section.Course!.Level, ct)).Take(Math.Clamp(take, 1, 1000)).ToList();
        var held = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => e.SectionId == sectionId && e.SeatNumber != null).SumAsync(e => e.CrecheChildren, ct);
        var seat = new WaitlistSeat(section.FieldOfficeId, section.TimeOfDay, section.WomenOnly, section.CrechePlaces - held);
        var applicationIds = ranked.Select(p => p.Applicant.Id).ToList();
        // The reader's scope decides whose name is shown: the ranking's rows of other offices stay anonymous.
        var people = await db.ClassApplications.Where(a => applicationIds.Contains(a.Id))
            .Join(db.People.Include(p => p.Key), a => a.PersonId, p => p.Id, (a, p) => new { a.Id, Person = p })
            .ToDictionaryAsync(x => x.Id, x => x.Person, ct);
        var personOf = await UnscopedReads.AcrossOffices<ClassApplication>(db).AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.PersonId, ct);
        var withNames = db.Scope.Fields.Shows(RegistryFields.Name);
        var views = ranked.Select(p =>
        {
            var person = people.GetValueOrDefault(p.Applicant.Id);
            var name = withNames && person is not null && !person.Key!.IsErased() ? RegistrySealer.OpenPerson(sealer.OpenKey(person.Key!), person).Name : null;
            return new WaitlistEntryView(p.Position, p.Applicant.Id, personOf[p.Applicant.Id], name, p.Score.Total, p.Score.Parts, p.Applicant.Inputs.AppliedAt,
                p.Applicant.Preferences, p.Applicant.IsWoman, WaitlistRanking.Suits(p.Applicant, seat));
        }).ToList();
        await audit.SaveAsync(db, new Audit.AuditEvent("education.waitlist.view", "section", sectionId.ToString())
        {
            People = [.. views.Where(v => v.Name is not null).Select(v => v.PersonId)],
        }, ct);
        return views;
    }

    /// <summary>
    /// Women of the reader's offices waiting only for a crèche place: a section of their level has a free seat that
    /// suits them in every other way, but not crèche places enough for their children.
    /// </summary>
    public async Task<CrecheDemandView> CrecheDemandAsync(CancellationToken ct = default)
    {
        var waiting = await db.ClassApplications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Waiting && a.IsWoman && a.CrecheChildren > 0).ToListAsync(ct);
        var sections = await db.ClassSections.AsNoTracking().Include(s => s.Course)
            .Where(s => s.Status == SectionStatus.Planned || s.Status == SectionStatus.Running).ToListAsync(ct);
        var ids = sections.Select(s => s.Id).ToList();
        var held = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => ids.Contains(e.SectionId) && e.SeatNumber != null)
            .GroupBy(e => e.SectionId).Select(g => new { g.Key, Seats = g.Count(), Creche = g.Sum(e => e.CrecheChildren) })
            .ToDictionaryAsync(g => g.Key, ct);
        var free = sections
            .Where(s => s.Capacity > (held.GetValueOrDefault(s.Id)?.Seats ?? 0))
            .ToLookup(s => s.Course!.Level, s => new WaitlistSeat(s.FieldOfficeId, s.TimeOfDay, s.WomenOnly, s.CrechePlaces - (held.GetValueOrDefault(s.Id)?.Creche ?? 0)));
        var blocked = waiting.Where(a => WaitlistRanking.WaitsOnlyForCreche(Applicant(a), free[a.Level])).ToList();
        var levels = blocked.GroupBy(a => a.Level).OrderBy(g => g.Key)
            .Select(g => new CrecheDemandLevel(g.Key, g.Count(), g.Sum(a => a.CrecheChildren))).ToList();
        return new CrecheDemandView(blocked.Count, blocked.Sum(a => a.CrecheChildren), levels);
    }
}
