using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>One learner's attendance so far: the standing against the rule and the sessions held and come late to.</summary>
public sealed record LearnerAttendance(AttendanceStanding Standing, int SessionsMarked, int SessionsLate);

/// <summary>
/// Learners' standings against the attendance rule, from the marks of their section's sessions and the section's hours on
/// its timetable (the course's hours the rule is on). Reads go through the access scope like every learner's row.
/// </summary>
public sealed class AttendanceStandings(PanahDbContext db, EducationOptions options)
{
    /// <summary>
    /// The section's hours on its timetable and every learner of it with at least one mark, by enrolment; a learner with
    /// none stands at the start.
    /// </summary>
    public async Task<(decimal CourseHours, Dictionary<Guid, LearnerAttendance> Learners)> OfSectionAsync(int sectionId, CancellationToken ct = default)
    {
        var hours = await CourseHoursAsync(sectionId, ct);
        var marks = await db.AttendanceMarks.AsNoTracking().Where(m => m.SectionId == sectionId)
            .Join(db.ClassSessions, m => m.SessionId, s => s.Id, (m, s) => new { m.EnrolmentId, s.Date, s.Hours, m.Mark })
            .ToListAsync(ct);
        return (hours, marks.GroupBy(m => m.EnrolmentId).ToDictionary(g => g.Key, g => new LearnerAttendance(
            AttendanceRule.Standing(hours, g.Select(m => new SessionMark(m.Date, m.Hours, m.Mark)), options.Attendance),
            g.Count(), g.Count(m => m.Mark == Attendance.Late))));
    }

    /// <summary>The standing of one learner, for the exam's attendance condition.</summary>
    public async Task<AttendanceStanding> OfAsync(Enrolment enrolment, CancellationToken ct = default)
    {
        var hours = await CourseHoursAsync(enrolment.SectionId, ct);
        var marks = await db.AttendanceMarks.AsNoTracking().Where(m => m.EnrolmentId == enrolment.Id)
            .Join(db.ClassSessions, m => m.SessionId, s => s.Id, (m, s) => new { s.Date, s.Hours, m.Mark })
            .ToListAsync(ct);
        return AttendanceRule.Standing(hours, marks.Select(m => new SessionMark(m.Date, m.Hours, m.Mark)), options.Attendance);
    }

    /// <summary>The section's hours on its timetable, summed here: SQLite cannot sum decimals.</summary>
    private async Task<decimal> CourseHoursAsync(int sectionId, CancellationToken ct) =>
        (await db.ClassSessions.Where(s => s.SectionId == sectionId).Select(s => s.Hours).ToListAsync(ct)).Sum();
}
