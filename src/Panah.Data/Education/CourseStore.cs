using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Education;

public sealed record CourseView(int Id, CefrLevel Level, string Name, int GuidedHours);

/// <summary>A section as lists show it: its course, site, seats taken (offered or enrolled) and crèche places taken.</summary>
public sealed record SectionView(
    int Id, int CourseId, CefrLevel Level, string Course, int FieldOfficeId, string Name, string? TeacherId, int Capacity, int MinimumToOpen,
    bool WomenOnly, int CrechePlaces, TimeOfDay TimeOfDay, DateOnly StartsOn, DateOnly EndsOn, SectionStatus Status, int SeatsTaken, int CrecheTaken)
{
    public int SeatsFree => Math.Max(0, Capacity - SeatsTaken);
    public bool CanOpen => SeatsTaken >= MinimumToOpen;
}

public sealed record SectionInput(
    int CourseId, int FieldOfficeId, string Name, string? TeacherId, int Capacity, int? MinimumToOpen, bool WomenOnly, int CrechePlaces,
    TimeOfDay TimeOfDay, DateOnly StartsOn, DateOnly EndsOn);

public sealed record SessionView(int Id, int SectionId, DateOnly Date, TimeOnly StartsAt, decimal Hours);

/// <summary>
/// Courses per level, their sections and timetables: the coordinator's design work. Sections are created at the
/// coordinator's own offices only; none of this is personal data, so it is not scoped further.
/// </summary>
public sealed partial class CourseStore(PanahDbContext db, EducationOptions options, AuditLog audit)
{
    public Task<List<CourseView>> CoursesAsync(CancellationToken ct = default) =>
        db.Courses.AsNoTracking().OrderBy(c => c.Level).ThenBy(c => c.Name)
            .Select(c => new CourseView(c.Id, c.Level, c.Name, c.GuidedHours)).ToListAsync(ct);

    /// <exception cref="FieldException">The level is A0 (nobody is taught below A1), the name is missing or taken, or the hours are out of range.</exception>
    public async Task<CourseView> AddCourseAsync(CefrLevel level, string? name, int guidedHours, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        var trimmed = (name ?? "").Trim();
        if (level == CefrLevel.A0 || !Enum.IsDefined(level))
        {
            errors["level"] = ["Education.LevelInvalid"];
        }
        if (trimmed.Length is 0 or > 100)
        {
            errors["name"] = ["Education.NameRequired"];
        }
        else if (await db.Courses.AnyAsync(c => c.Name == trimmed, ct))
        {
            errors["name"] = ["Education.NameTaken"];
        }
        if (guidedHours is < 1 or > 1000)
        {
            errors["guidedHours"] = ["Education.HoursInvalid"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var course = new Course { Level = level, Name = trimmed, GuidedHours = guidedHours, Version = 1 };
        db.Courses.Add(course);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("education.course.add", "course", course.Id.ToString()), ct);
        return new CourseView(course.Id, course.Level, course.Name, course.GuidedHours);
    }

    /// <summary>Sections at the reader's offices (every section for a reader of every office), or one teacher's own.</summary>
    public async Task<List<SectionView>> SectionsAsync(CancellationToken ct = default)
    {
        // AccessScope.CoversSection, in a form the database runs.
        var scope = db.Scope;
        var (taught, teaches, all, offices) = (scope.SectionIds, scope.Teaches, scope.AllOffices, scope.OfficeIds);
        return await Views(db.ClassSections.Where(s => taught.Contains(s.Id) || (!teaches && (all || offices.Contains(s.FieldOfficeId)))), ct);
    }

    /// <summary>One section, or null when it is not at the reader's offices nor taught by the reader.</summary>
    public async Task<SectionView?> SectionAsync(int id, CancellationToken ct = default)
    {
        var scope = db.Scope;
        if (await db.ClassSections.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.FieldOfficeId).FirstOrDefaultAsync(ct) is not { } office
            || !scope.CoversSection(id, office))
        {
            return null;
        }
        return (await Views(db.ClassSections.Where(s => s.Id == id), ct)).SingleOrDefault();
    }

    /// <exception cref="FieldException">A field breaks a rule, or the office is not one of the coordinator's.</exception>
    public async Task<SectionView> AddSectionAsync(SectionInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        var name = (input.Name ?? "").Trim();
        if (!await db.Courses.AnyAsync(c => c.Id == input.CourseId, ct))
        {
            errors["courseId"] = ["Education.NoSuchCourse"];
        }
        if (!db.Scope.CoversOffice(input.FieldOfficeId) || !await db.FieldOffices.AnyAsync(o => o.Id == input.FieldOfficeId, ct))
        {
            errors["fieldOfficeId"] = ["Education.OfficeNotYours"];
        }
        if (name.Length is 0 or > 100)
        {
            errors["name"] = ["Education.NameRequired"];
        }
        if (input.Capacity is < 1 or > 100)
        {
            errors["capacity"] = ["Education.CapacityInvalid"];
        }
        var minimum = input.MinimumToOpen ?? options.MinimumToOpen;
        if (minimum < 0 || minimum > input.Capacity)
        {
            errors["minimumToOpen"] = ["Education.MinimumInvalid"];
        }
        if (input.CrechePlaces is < 0 or > 100)
        {
            errors["crechePlaces"] = ["Education.CrecheInvalid"];
        }
        if (!Enum.IsDefined(input.TimeOfDay))
        {
            errors["timeOfDay"] = ["Education.TimeOfDayInvalid"];
        }
        if (input.EndsOn < input.StartsOn)
        {
            errors["endsOn"] = ["Education.DatesInvalid"];
        }
        if (input.TeacherId is { } teacher && !await db.UserRoles.AnyAsync(r => r.UserId == teacher && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Staff.Roles.Teacher), ct))
        {
            errors["teacherId"] = ["Education.NoSuchTeacher"];
        }
        if (errors.Count > 0)
        {
            throw new FieldException(errors);
        }
        var section = new ClassSection
        {
            CourseId = input.CourseId, FieldOfficeId = input.FieldOfficeId, Name = name, TeacherId = input.TeacherId, Capacity = input.Capacity,
            MinimumToOpen = minimum, WomenOnly = input.WomenOnly, CrechePlaces = input.CrechePlaces, TimeOfDay = input.TimeOfDay,
            StartsOn = input.StartsOn, EndsOn = input.EndsOn, Status = SectionStatus.Planned, Version = 1,
        };
        db.ClassSections.Add(section);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("education.section.add", "section", section.Id.ToString(), $"office={section.FieldOfficeId}"), ct);
        return (await SectionAsync(section.Id, ct))!;
    }

    /// <summary>Adds a session to the timetable of a section at the coordinator's offices; null when the section is not theirs.</summary>
    /// <exception cref="FieldException">The hours are out of range or the section already meets then.</exception>
    public async Task<SessionView?> AddSessionAsync(int sectionId, DateOnly date, TimeOnly startsAt, decimal hours, CancellationToken ct = default)
    {
        var office = await db.ClassSections.Where(s => s.Id == sectionId).Select(s => (int?)s.FieldOfficeId).FirstOrDefaultAsync(ct);
        if (office is null || !db.Scope.CoversOffice(office.Value))
        {
            return null;
        }
        if (hours is <= 0 or > 12)
        {
            throw new FieldException("hours", "Education.HoursInvalid");
        }
        if (await db.ClassSessions.AnyAsync(s => s.SectionId == sectionId && s.Date == date && s.StartsAt == startsAt, ct))
        {
            throw new FieldException("date", "Education.SessionTaken");
        }
        var session = new ClassSession { SectionId = sectionId, Date = date, StartsAt = startsAt, Hours = hours };
        db.ClassSessions.Add(session);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("education.session.add", "section", sectionId.ToString(), $"session={session.Id}"), ct);
        return new SessionView(session.Id, sectionId, date, startsAt, hours);
    }

    public Task<List<SessionView>> SessionsAsync(int sectionId, CancellationToken ct = default) =>
        db.ClassSessions.AsNoTracking().Where(s => s.SectionId == sectionId).OrderBy(s => s.Date).ThenBy(s => s.StartsAt)
            .Select(s => new SessionView(s.Id, s.SectionId, s.Date, s.StartsAt, s.Hours)).ToListAsync(ct);

    private async Task<List<SectionView>> Views(IQueryable<ClassSection> sections, CancellationToken ct)
    {
        var rows = await sections.AsNoTracking().OrderBy(s => s.StartsOn).ThenBy(s => s.Id)
            .Select(s => new { s, Level = s.Course!.Level, Course = s.Course.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.s.Id).ToList();
        // Seats are counted across every office's learners: a count, no person in it.
        var held = await UnscopedReads.AcrossOffices<Enrolment>(db).AsNoTracking()
            .Where(e => ids.Contains(e.SectionId) && e.SeatNumber != null)
            .GroupBy(e => e.SectionId).Select(g => new { g.Key, Seats = g.Count(), Creche = g.Sum(e => e.CrecheChildren) })
            .ToDictionaryAsync(g => g.Key, ct);
        return [.. rows.Select(r =>
        {
            var h = held.GetValueOrDefault(r.s.Id);
            return new SectionView(r.s.Id, r.s.CourseId, r.Level, r.Course, r.s.FieldOfficeId, r.s.Name, r.s.TeacherId, r.s.Capacity, r.s.MinimumToOpen,
                r.s.WomenOnly, r.s.CrechePlaces, r.s.TimeOfDay, r.s.StartsOn, r.s.EndsOn, r.s.Status, h?.Seats ?? 0, h?.Creche ?? 0);
        })];
    }
}
