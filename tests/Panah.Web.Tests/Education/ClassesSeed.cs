using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Demo;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Education;
using Panah.Data.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Education;

/// <summary>
/// The one way education tests set up: people registered alone in a household (from the demo generator, with the
/// sex and consents the test asks for), a course and a section written directly, and coordinators' and teachers'
/// API clients. Applications, enrolments and offers then go through the API.
/// </summary>
public static class ClassesSeed
{
    /// <summary>One person per entry, each the head of their own household at <paramref name="office"/>.</summary>
    public static async Task<List<Guid>> PeopleAsync(PanahApp app, string office, int count, Sex sex = Sex.Female, bool educationConsent = true, int seed = 10)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
        var row = await db.FieldOffices.SingleAsync(o => o.Code == office);
        var generator = new DemoHouseholds(new Random(seed + count), new DateOnly(2026, 11, 1));
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var h = generator.Next();
            var head = h.Members.Single(m => m.Relationship == Relationship.Head);
            Consent[] consents = educationConsent
                ? [new Consent(ConsentPurpose.Registration, today.AddDays(-30), "2026-1"), new Consent(ConsentPurpose.Education, today.AddDays(-1), "2026-1")]
                : [new Consent(ConsentPurpose.Registration, today.AddDays(-30), "2026-1")];
            var record = store.Build(row, h.Household, [head with { Sex = sex, Consents = consents }], out _);
            db.Households.Add(record);
            ids.Add(record.Members.Single().Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>A course of <paramref name="level"/> and one section of it at <paramref name="office"/>.</summary>
    public static async Task<int> SectionAsync(
        PanahApp app, string office, int capacity, CefrLevel level = CefrLevel.A1, bool womenOnly = false, int creche = 0, string? teacherId = null)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var officeId = await db.FieldOffices.Where(o => o.Code == office).Select(o => o.Id).SingleAsync();
        var course = new Course { Level = level, Name = FoodSeed.NewCode("Turkish " + level + " "), GuidedHours = 72, Version = 1 };
        db.Courses.Add(course);
        await db.SaveChangesAsync();
        var section = new ClassSection
        {
            CourseId = course.Id, FieldOfficeId = officeId, Name = FoodSeed.NewCode("Section "), TeacherId = teacherId, Capacity = capacity, MinimumToOpen = 1,
            WomenOnly = womenOnly, CrechePlaces = creche, TimeOfDay = TimeOfDay.Morning, StartsOn = new DateOnly(2027, 1, 4), EndsOn = new DateOnly(2027, 3, 26),
            Status = SectionStatus.Planned, Version = 1,
        };
        db.ClassSections.Add(section);
        await db.SaveChangesAsync();
        return section.Id;
    }

    public static Task<HttpClient> CoordinatorAsync(PanahApp app, string office = "KAY") =>
        app.ClientForRoleAsync(Roles.EducationCoordinator, offices: [office]);

    /// <summary>A teacher's account and an API client of it.</summary>
    public static async Task<(string Id, HttpClient Client)> TeacherAsync(PanahApp app)
    {
        var staff = await app.CreateStaffAsync(Roles.Teacher);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return (staff.User.Id, app.ClientWithToken(secret));
    }

    /// <summary>Applies for the person through the API (a beginner, A1, without a placement score) and returns the application's id.</summary>
    public static async Task<Guid> ApplyAsync(HttpClient coordinator, Guid personId, bool permit = false, int creche = 0, bool womenOnly = false, int? score = null, bool work = false)
    {
        var response = await coordinator.PostAsJsonAsync("/api/v1/education/applications",
            new { personId, beginner = score is null, placementScore = score, residencePermitNeedsTurkish = permit, workNeedsTurkish = work, crecheChildren = creche, womenOnly });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> EnrolAsync(HttpClient coordinator, int sectionId, Guid applicationId) =>
        coordinator.PostAsJsonAsync($"/api/v1/education/sections/{sectionId}/enrolments", new { applicationId });

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The section's seat holders as stored: (application, status, seat).</summary>
    public static async Task<List<(Guid Application, EnrolmentStatus Status, int? Seat)>> SeatsAsync(PanahApp app, int sectionId)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return [.. (await db.Enrolments.AsNoTracking().Where(e => e.SectionId == sectionId).ToListAsync()).Select(e => (e.ApplicationId, e.Status, e.SeatNumber))];
    }
}
