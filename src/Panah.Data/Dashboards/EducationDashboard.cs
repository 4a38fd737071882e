using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Data.Education;

namespace Panah.Data.Dashboards;

/// <summary>
/// Turkish classes in the viewer's scope, counted in the database: learners enrolled per level in sections running in
/// the period, the attendance of the period's sessions (present or late of all marks), exams passed of the courses
/// completed in the period (sections ending in it; a pass earns a certificate), the waitlist as it stands with how long
/// its applicants have waited (median, days), and the fill of the period's sections (of the viewer's offices) per level.
/// </summary>
public sealed class EducationDashboard(PanahDbContext db, TimeProvider clock)
{
    public async Task<EducationFigures> ForAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        var (first, end, office) = (filter.From, filter.End, filter.OfficeId);
        var enrolments = db.Enrolments.AsNoTracking().Where(e => office == null || e.FieldOfficeId == office);

        var (enrolled, completed) = (EnrolmentStatus.Enrolled, EnrolmentStatus.Completed);
        // The period's attendance marks per enrolment (present or late, of all): the whole period's rate and each group's.
        var (present, late) = (Attendance.Present, Attendance.Late);
        var marks = await (from m in db.AttendanceMarks.AsNoTracking()
                           join s in db.ClassSessions on m.SessionId equals s.Id
                           where s.Date >= first && s.Date < end && (office == null || m.FieldOfficeId == office)
                           group m by m.EnrolmentId into g
                           select new { EnrolmentId = g.Key, Present = g.Count(m => m.Mark == present || m.Mark == late), All = g.Count() })
            .ToDictionaryAsync(x => x.EnrolmentId, x => (x.Present, x.All), ct);

        // Courses completed in the period: the learners' enrolments completed in sections that ended in it.
        var ended = enrolments.Where(e => e.Status == completed && db.ClassSections.Any(s => s.Id == e.SectionId && s.EndsOn >= first && s.EndsOn < end));
        var completedCount = await ended.CountAsync(ct);
        var passed = await ended.CountAsync(e => db.Certificates.Any(c => c.EnrolmentId == e.Id), ct);

        // The moment each waiting applicant applied (a level and a time: nothing about who), the median taken here.
        var waiting = (await db.ClassApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Waiting && (office == null || a.FieldOfficeId == office))
            .Select(a => new { a.Level, a.AppliedAt }).ToListAsync(ct)).ToLookup(a => a.Level, a => a.AppliedAt);
        var now = clock.GetUtcNow();

        // Sections are not personal rows, so the viewer's offices are applied here; the seats held are enrolments, filtered as every read is.
        var (all, offices) = (db.Scope.AllOffices, db.Scope.OfficeIds);
        var sections = await db.ClassSections.AsNoTracking()
            .Where(s => s.StartsOn < end && s.EndsOn >= first && s.Status != SectionStatus.Cancelled && (office == null || s.FieldOfficeId == office) && (all || offices.Contains(s.FieldOfficeId)))
            .Select(s => new { s.Id, s.Capacity, s.Course!.Level }).ToListAsync(ct);
        var ids = sections.Select(s => s.Id).ToArray();
        var taken = await enrolments.Where(e => (e.Status == enrolled || e.Status == completed) && ids.Contains(e.SectionId))
            .GroupBy(e => e.SectionId).Select(g => new { SectionId = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.SectionId, x => x.Count, ct);

        var levels = Enum.GetValues<CefrLevel>();
        var groups = await GroupsAsync(enrolments, first, end, marks, ct);
        return new EducationFigures(
            [.. groups[LearnerDimension.Level].Select(g => new LevelCount(Enum.Parse<CefrLevel>(g.Key), g.Learners))],
            marks.Values.Sum(m => m.Present), marks.Values.Sum(m => m.All), passed, completedCount,
            [.. levels.Select(l => new LevelWait(l, waiting[l].Count(), waiting[l].Any() ? MathNet.Numerics.Statistics.Statistics.Median(waiting[l].Select(at => (now - at).TotalDays)) : null))],
            [.. levels.Select(l => sections.Where(s => s.Level == l).ToList())
                .Select((of, i) => new LevelFill(levels[i], of.Count, of.Sum(s => s.Capacity), of.Sum(s => taken.GetValueOrDefault(s.Id))))],
            groups);
    }

    /// <summary>
    /// The learners of the period's sections (enrolled or completed) with their level, site (the section's office), sex
    /// and age group (UNHCR brackets at the period's last year; "Unknown" without a birth year), their attendance marks of
    /// the period and whether they completed and passed; then grouped each way (every level listed, learners or not).
    /// </summary>
    private async Task<IReadOnlyDictionary<LearnerDimension, IReadOnlyList<LearnerGroup>>> GroupsAsync(IQueryable<Enrolment> enrolments, DateOnly first, DateOnly end,
        Dictionary<Guid, (int Present, int All)> marks, CancellationToken ct)
    {
        var (enrolled, completed) = (EnrolmentStatus.Enrolled, EnrolmentStatus.Completed);
        var learners = await (from e in enrolments
                              join s in db.ClassSections on e.SectionId equals s.Id
                              join c in db.Courses on s.CourseId equals c.Id
                              join o in db.FieldOffices on s.FieldOfficeId equals o.Id
                              join p in db.People on e.PersonId equals p.Id
                              where (e.Status == enrolled || e.Status == completed) && s.StartsOn < end && s.EndsOn >= first
                              select new { e.Id, c.Level, Site = o.Code, p.Sex, p.BirthYear, Completed = e.Status == completed, Passed = db.Certificates.Any(x => x.EnrolmentId == e.Id) })
            .ToListAsync(ct);
        var year = end.AddDays(-1).Year;
        string Age(int? born) => born is { } y ? Core.Registry.AgeGroups.FromAge(Math.Max(0, year - y)).ToString() : "Unknown";
        List<LearnerGroup> Group(Func<int, string> keyOf, IEnumerable<string> order)
        {
            var rows = learners.Select((l, i) => (Key: keyOf(i), l.Id, l.Completed, l.Passed)).ToLookup(r => r.Key);
            return [.. order.Concat(rows.Select(r => r.Key).Where(k => !order.Contains(k)).Order(StringComparer.Ordinal)).Select(k => new LearnerGroup(k, rows[k].Count(),
                rows[k].Sum(r => marks.GetValueOrDefault(r.Id).Present), rows[k].Sum(r => marks.GetValueOrDefault(r.Id).All),
                rows[k].Count(r => r.Completed), rows[k].Count(r => r.Completed && r.Passed)))];
        }
        return new Dictionary<LearnerDimension, IReadOnlyList<LearnerGroup>>
        {
            [LearnerDimension.Level] = Group(i => learners[i].Level.ToString(), Enum.GetNames<CefrLevel>()),
            [LearnerDimension.Site] = Group(i => learners[i].Site, []),
            [LearnerDimension.Sex] = Group(i => learners[i].Sex.ToString(), Enum.GetNames<Core.Registry.Sex>()),
            [LearnerDimension.AgeGroup] = Group(i => Age(learners[i].BirthYear), [.. Enum.GetNames<Core.Registry.AgeGroup>(), "Unknown"]),
        };
    }
}
