using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Education;

/// <summary>A site a coordinator may place a section at: one of their own field offices.</summary>
public sealed record SiteChoice(int Id, string Name);

/// <summary>A teacher who may be given a section at <see cref="FieldOfficeId"/>.</summary>
public sealed record TeacherChoice(string Id, string Name, int FieldOfficeId);

/// <summary>A weekly pattern: the section meets on these weekdays at one time for the same hours, between two dates.</summary>
public sealed record TimetablePattern(IReadOnlyCollection<DayOfWeek> Weekdays, TimeOnly StartsAt, decimal Hours, DateOnly From, DateOnly To);

public sealed partial class CourseStore
{
    /// <summary>A year of weekday sessions at most: a pattern beyond that is a typing mistake.</summary>
    private const int MostSessions = 366;

    public Task<List<SiteChoice>> SitesAsync(CancellationToken ct = default)
    {
        var (all, offices) = (db.Scope.AllOffices, db.Scope.OfficeIds);
        return db.FieldOffices.AsNoTracking().Where(o => all || offices.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new SiteChoice(o.Id, o.Name)).ToListAsync(ct);
    }

    /// <summary>The teachers listed at the coordinator's offices, once per office, by display name.</summary>
    public async Task<List<TeacherChoice>> TeachersAsync(CancellationToken ct = default)
    {
        var (all, offices) = (db.Scope.AllOffices, db.Scope.OfficeIds);
        var teachers = db.UserRoles.Where(r => db.Roles.Any(x => x.Id == r.RoleId && x.Name == Staff.Roles.Teacher)).Select(r => r.UserId);
        return await db.StaffOffices.AsNoTracking()
            .Where(o => teachers.Contains(o.StaffUserId) && (all || offices.Contains(o.FieldOfficeId)))
            .Join(db.Users, o => o.StaffUserId, u => u.Id, (o, u) => new { o.FieldOfficeId, u.Id, u.DisplayName, u.IsDisabled })
            .Where(t => !t.IsDisabled).OrderBy(t => t.DisplayName)
            .Select(t => new TeacherChoice(t.Id, t.DisplayName ?? t.Id, t.FieldOfficeId)).ToListAsync(ct);
    }

    /// <summary>
    /// Puts every session of a weekly pattern on the section's timetable in one save; a date the section already meets
    /// at that time is left as it is, so the same pattern given twice adds nothing. Null when the section is not the coordinator's.
    /// </summary>
    /// <exception cref="FieldException">No weekday, hours out of range, or dates backwards, outside the section's or too many.</exception>
    public async Task<int?> AddTimetableAsync(int sectionId, TimetablePattern pattern, CancellationToken ct = default)
    {
        var section = await db.ClassSections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionId, ct);
        if (section is null || !db.Scope.CoversOffice(section.FieldOfficeId))
        {
            return null;
        }
        var errors = new Dictionary<string, List<string>>();
        if (pattern.Weekdays.Count == 0 || pattern.Weekdays.Any(d => !Enum.IsDefined(d)))
        {
            errors["weekdays"] = ["Education.WeekdaysRequired"];
        }
        if (pattern.Hours is <= 0 or > 12)
        {
            errors["hours"] = ["Education.HoursInvalid"];
        }
        if (pattern.To < pattern.From || pattern.From < section.StartsOn || pattern.To > section.EndsOn)
        {
            errors["to"] = ["Education.TimetableDatesInvalid"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var taken = (await db.ClassSessions.AsNoTracking().Where(s => s.SectionId == sectionId && s.StartsAt == pattern.StartsAt)
            .Select(s => s.Date).ToListAsync(ct)).ToHashSet();
        var dates = Enumerable.Range(0, pattern.To.DayNumber - pattern.From.DayNumber + 1).Select(pattern.From.AddDays)
            .Where(d => pattern.Weekdays.Contains(d.DayOfWeek) && !taken.Contains(d)).ToList();
        if (dates.Count > MostSessions)
        {
            throw new FieldException("to", "Education.TimetableTooLong");
        }
        db.ClassSessions.AddRange(dates.Select(d => new ClassSession { SectionId = sectionId, Date = d, StartsAt = pattern.StartsAt, Hours = pattern.Hours }));
        await audit.SaveAsync(db, new AuditEvent("education.timetable.add", "section", sectionId.ToString(), $"sessions={dates.Count}"), ct);
        return dates.Count;
    }
}
