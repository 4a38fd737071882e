using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Education;

/// <summary>One learner on a session's register: what the teacher sees and taps.</summary>
/// <param name="EnrolmentId">The learner's seat in the section.</param>
/// <param name="PersonId">The learner in the registry.</param>
/// <param name="Name">The name as the reader's role may see it; null when the record was erased.</param>
/// <param name="Phone">The contact phone, when the role may see it.</param>
/// <param name="Mark">This session's mark, Present until the teacher changes it (the register starts from everyone present).</param>
/// <param name="Standing">Where the learner stands against the attendance rule over the course so far.</param>
/// <param name="Risk">The dropout-risk score with its parts.</param>
/// <param name="OpenFollowUps">Follow-ups raised and not yet done (a call to make).</param>
public sealed record RegisterLine(Guid EnrolmentId, Guid PersonId, PersonName? Name, string? Phone, Attendance Mark, AttendanceStanding Standing, DropoutRiskScore Risk, IReadOnlyList<OpenFollowUp> OpenFollowUps);

/// <summary>A follow-up raised for a learner and not yet closed by a call's outcome.</summary>
public sealed record OpenFollowUp(Guid Id, FollowUpReason Reason);

/// <summary>A session's register: the session, whether it has been taken, and its learners in name order.</summary>
public sealed record SessionRegister(int SessionId, int SectionId, string SectionName, DateOnly Date, TimeOnly StartsAt, decimal Hours, decimal CourseHours, bool Taken, IReadOnlyList<RegisterLine> Learners);

/// <summary>What saving a register did: marks written and follow-ups raised.</summary>
public sealed record RegisterSaved(int Marked, int Absent, int FollowUpsRaised);

/// <summary>
/// The teacher's register: today's session of a section, each enrolled learner present by default, one mark per
/// learner per session. Saving it keeps every learner's standing against the attendance rule and raises a follow-up
/// (a call) when a learner reaches the configured run of unexcused absences or can no longer reach the rule.
/// Sections are reached through the access scope: a teacher's own, or their office's for a coordinator.
/// </summary>
public sealed class AttendanceRegister(PanahDbContext db, AttendanceStandings standings, LearnerNames names, AuditLog audit, ActingStaff staff, TimeProvider clock, EducationOptions options)
{
    public const string NotYet = "Attendance.NotYet";
    public const string NotEnrolled = "Attendance.NotEnrolled";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The register a teacher opens for a section: of <paramref name="sessionId"/> when given (and of that section), else
    /// today's session, else the latest one held, else the first to come; null when none or out of scope.
    /// </summary>
    public async Task<SessionRegister?> OfSectionAsync(int sectionId, int? sessionId = null, CancellationToken ct = default)
    {
        if (await SectionAsync(sectionId, ct) is not { } section)
        {
            return null;
        }
        var today = Today;
        var sessions = db.ClassSessions.AsNoTracking().Where(s => s.SectionId == sectionId);
        var session = sessionId is { } id
            ? await sessions.FirstOrDefaultAsync(s => s.Id == id, ct)
            : await sessions.Where(s => s.Date <= today).OrderByDescending(s => s.Date).ThenByDescending(s => s.StartsAt).FirstOrDefaultAsync(ct)
                ?? await sessions.OrderBy(s => s.Date).ThenBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        return session is null ? null : await RegisterAsync(section, session, ct);
    }

    /// <summary>The register of a session, or null when the session does not exist or its section is out of scope.</summary>
    public async Task<SessionRegister?> GetAsync(int sessionId, CancellationToken ct = default)
    {
        var session = await db.ClassSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return session is null || await SectionAsync(session.SectionId, ct) is not { } section ? null : await RegisterAsync(section, session, ct);
    }

    private async Task<SessionRegister> RegisterAsync(ClassSection section, ClassSession session, CancellationToken ct)
    {
        var sessionId = session.Id;
        var learners = await EnrolledAsync(section.Id, ct);
        var (courseHours, attendance) = await standings.OfSectionAsync(section.Id, ct);
        var start = new LearnerAttendance(AttendanceRule.Standing(courseHours, [], options.Attendance), 0, 0);
        var today = await db.AttendanceMarks.AsNoTracking().Where(m => m.SessionId == sessionId).ToDictionaryAsync(m => m.EnrolmentId, m => m.Mark, ct);
        var open = await db.FollowUps.AsNoTracking().Where(f => f.SectionId == section.Id && f.DoneAt == null)
            .Select(f => new { f.Id, f.EnrolmentId, f.Reason }).ToListAsync(ct);
        var shown = await names.OpenAsync(learners.Select(e => e.PersonId), "education.register.view", "class-session", sessionId.ToString(), ct);
        var lines = learners.Select(e =>
        {
            var a = attendance.GetValueOrDefault(e.Id, start);
            var risk = DropoutRisk.Score(a.Standing, a.SessionsMarked, a.SessionsLate, e.Repeats, e.CrecheUnmet, options.DropoutRisk);
            var contact = shown.GetValueOrDefault(e.PersonId);
            return new RegisterLine(e.Id, e.PersonId, contact?.Name, contact?.Phone, today.GetValueOrDefault(e.Id, Attendance.Present), a.Standing, risk,
                [.. open.Where(o => o.EnrolmentId == e.Id).Select(o => new OpenFollowUp(o.Id, o.Reason))]);
        }).OrderBy(l => l.Name?.Display ?? "", StringComparer.CurrentCulture).ToList();
        var taken = today.Count > 0;
        return new SessionRegister(session.Id, section.Id, section.Name, session.Date, session.StartsAt, session.Hours, courseHours, taken, lines);
    }

    /// <summary>
    /// Saves a session's register: every enrolled learner gets a mark, Present unless <paramref name="marks"/> (by
    /// enrolment) says otherwise; a session not yet begun cannot be taken. Null when out of scope.
    /// </summary>
    public async Task<RegisterSaved?> SaveAsync(int sessionId, IReadOnlyDictionary<Guid, Attendance> marks, CancellationToken ct = default)
    {
        var session = await db.ClassSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || await SectionAsync(session.SectionId, ct) is not { } section)
        {
            return null;
        }
        if (session.Date > Today)
        {
            throw new FieldException("", NotYet);
        }
        var learners = await EnrolledAsync(section.Id, ct);
        if (marks.Keys.Except(learners.Select(l => l.Id)).Any() || marks.Values.Any(m => !Enum.IsDefined(m)))
        {
            throw new FieldException("marks", NotEnrolled);
        }
        var existing = await db.AttendanceMarks.Where(m => m.SessionId == sessionId).ToDictionaryAsync(m => m.EnrolmentId, ct);
        var now = clock.GetUtcNow();
        foreach (var learner in learners)
        {
            var mark = marks.GetValueOrDefault(learner.Id, Attendance.Present);
            if (existing.TryGetValue(learner.Id, out var row))
            {
                row.Mark = mark;
                row.MarkedBy = staff.Id;
                row.MarkedAt = now;
                continue;
            }
            db.AttendanceMarks.Add(new AttendanceMark
            {
                SessionId = sessionId, EnrolmentId = learner.Id, SectionId = section.Id, PersonId = learner.PersonId,
                HouseholdId = learner.HouseholdId, FieldOfficeId = learner.FieldOfficeId, Mark = mark, MarkedBy = staff.Id, MarkedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        var raised = await RaiseFollowUpsAsync(section.Id, learners, now, ct);
        var absent = learners.Count(l => marks.GetValueOrDefault(l.Id) is Attendance.Absent or Attendance.Excused);
        await audit.SaveAsync(db, new AuditEvent("education.register.save", "class-session", sessionId.ToString(), $"marked={learners.Count} absent={absent} followups={raised}")
        {
            People = [.. learners.Select(l => l.PersonId)],
        }, ct);
        return new RegisterSaved(learners.Count, absent, raised);
    }

    /// <summary>A follow-up per learner and reason while none is open; one for "out of reach" ever, since it does not heal.</summary>
    private async Task<int> RaiseFollowUpsAsync(int sectionId, IReadOnlyList<Learner> learners, DateTimeOffset now, CancellationToken ct)
    {
        var (_, attendance) = await standings.OfSectionAsync(sectionId, ct);
        var raised = await db.FollowUps.Where(f => f.SectionId == sectionId).Select(f => new { f.EnrolmentId, f.Reason, Open = f.DoneAt == null }).ToListAsync(ct);
        var count = 0;
        foreach (var learner in learners)
        {
            if (!attendance.TryGetValue(learner.Id, out var a))
            {
                continue;
            }
            var standing = a.Standing;
            var due = new List<FollowUpReason>();
            if (standing.NeedsFollowUp && !raised.Any(r => r.EnrolmentId == learner.Id && r.Reason == FollowUpReason.ConsecutiveAbsences && r.Open))
            {
                due.Add(FollowUpReason.ConsecutiveAbsences);
            }
            if (!standing.CanStillQualify && !raised.Any(r => r.EnrolmentId == learner.Id && r.Reason == FollowUpReason.AttendanceOutOfReach))
            {
                due.Add(FollowUpReason.AttendanceOutOfReach);
            }
            foreach (var reason in due)
            {
                db.FollowUps.Add(new FollowUp
                {
                    Id = Guid.CreateVersion7(), EnrolmentId = learner.Id, SectionId = sectionId, PersonId = learner.PersonId,
                    HouseholdId = learner.HouseholdId, FieldOfficeId = learner.FieldOfficeId, Reason = reason, RaisedAt = now,
                });
                count++;
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    private sealed record Learner(Guid Id, Guid PersonId, Guid HouseholdId, int FieldOfficeId, bool Repeats, bool CrecheUnmet);

    private async Task<ClassSection?> SectionAsync(int sectionId, CancellationToken ct)
    {
        var section = await db.ClassSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionId, ct);
        return section is not null && db.Scope.CoversSection(section.Id, section.FieldOfficeId) ? section : null;
    }

    /// <summary>The section's enrolled learners (through the scope), with the facts the risk score needs.</summary>
    private async Task<IReadOnlyList<Learner>> EnrolledAsync(int sectionId, CancellationToken ct) =>
        await db.Enrolments.AsNoTracking().Where(e => e.SectionId == sectionId && e.Status == EnrolmentStatus.Enrolled)
            .Join(db.ClassApplications, e => e.ApplicationId, a => a.Id, (e, a) => new { e, a })
            .Select(x => new Learner(x.e.Id, x.e.PersonId, x.e.HouseholdId, x.e.FieldOfficeId, x.a.RepeatsLevel, x.a.CrecheChildren > x.e.CrecheChildren))
            .ToListAsync(ct);
}
