using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Education;

/// <summary>A section a test set up: its sessions (oldest first) and its learners' enrolments and people.</summary>
public sealed record SeededSection(int Id, int OfficeId, IReadOnlyList<int> Sessions, IReadOnlyList<Guid> Enrolments, IReadOnlyList<Guid> People, IReadOnlyList<Guid> Applications);

/// <summary>
/// Sections with enrolled learners written directly, as the enrolment part would leave them: the heads of households
/// from the demo generator, each with an application and a seat. Sessions are dated back from today so that all have
/// been held; upcoming ones lie ahead.
/// </summary>
public static class LearningSeed
{
    public static async Task<SeededSection> SectionAsync(PanahApp app, string office, string? teacherId, int learners, int held, int upcoming = 0,
        decimal hours = 3m, CefrLevel level = CefrLevel.A1, int seed = 7)
    {
        var households = await FoodSeed.HouseholdsAsync(app, seed, [.. Enumerable.Repeat<string?>(office, learners)]);
        await using var scope = FoodSeed.Everything(app, out var db);
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var course = new Course { Level = level, Name = FoodSeed.NewCode("course-"), GuidedHours = 180 };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        var officeId = households[0].OfficeId;
        var section = new ClassSection
        {
            CourseId = course.Id, FieldOfficeId = officeId, Name = FoodSeed.NewCode("section-"), TeacherId = teacherId, Capacity = Math.Max(learners, 1),
            MinimumToOpen = 1, StartsOn = today.AddDays(-held - 1), EndsOn = today.AddDays(upcoming + 1), Status = SectionStatus.Running,
        };
        db.ClassSections.Add(section);
        await db.SaveChangesAsync();
        var sessions = Enumerable.Range(0, held + upcoming)
            .Select(i => new ClassSession { SectionId = section.Id, Date = today.AddDays(i - held + 1), StartsAt = new TimeOnly(9, 0), Hours = hours })
            .ToList();
        db.ClassSessions.AddRange(sessions);
        var enrolments = new List<Enrolment>();
        foreach (var (h, i) in households.Select((h, i) => (h, i)))
        {
            var application = new ClassApplication
            {
                Id = Guid.CreateVersion7(), PersonId = h.Head, HouseholdId = h.Id, FieldOfficeId = h.OfficeId, Level = level,
                AppliedAt = DateTimeOffset.UtcNow.AddDays(-30), Status = ApplicationStatus.Enrolled,
            };
            db.ClassApplications.Add(application);
            var enrolment = new Enrolment
            {
                Id = Guid.CreateVersion7(), SectionId = section.Id, ApplicationId = application.Id, PersonId = h.Head, HouseholdId = h.Id,
                FieldOfficeId = h.OfficeId, SeatNumber = i + 1, Status = EnrolmentStatus.Enrolled, OfferedAt = DateTimeOffset.UtcNow.AddDays(-20),
                EnrolledAt = DateTimeOffset.UtcNow.AddDays(-20), DecidedBy = "test",
            };
            db.Enrolments.Add(enrolment);
            enrolments.Add(enrolment);
        }
        await db.SaveChangesAsync();
        return new SeededSection(section.Id, officeId, [.. sessions.Select(s => s.Id)], [.. enrolments.Select(e => e.Id)], [.. enrolments.Select(e => e.PersonId)], [.. enrolments.Select(e => e.ApplicationId)]);
    }

    /// <summary>The verification token of an enrolment's certificate (it is printed only in the PDF's QR code and address).</summary>
    public static async Task<string> TokenAsync(PanahApp app, Guid enrolment)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return await db.Certificates.Where(c => c.EnrolmentId == enrolment).Select(c => c.VerificationToken).SingleAsync();
    }
}
