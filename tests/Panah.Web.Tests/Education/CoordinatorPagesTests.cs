using System.Net;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Education;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Education.ClassesSeed;

namespace Panah.Web.Tests.Education;

/// <summary>The coordinator's pages: courses, sections at their own offices, a timetable from a weekly pattern, and recording offers' answers.</summary>
public abstract class CoordinatorPagesTests(ClassesApp app)
{
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        Html.PostFormAsync(client, page, fields, $"{page}?handler={handler}");

    /// <summary>A form with a field given more than once (the weekdays' checkboxes), as a browser posts it.</summary>
    /// <remarks>The anti-forgery token comes from the courses page, which every coordinator has, whether or not the section is theirs.</remarks>
    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var token = Html.AntiforgeryToken(await (await client.GetAsync("/Education/Courses")).Content.ReadAsStringAsync());
        return await client.PostAsync(url, new FormUrlEncodedContent([.. pairs, new("__RequestVerificationToken", token)]));
    }

    [Fact]
    public async Task A_course_is_added_once_by_its_name()
    {
        var coordinator = await CoordinatorAsync(app);
        var name = FoodSeed.NewCode("Turkish A2 ");
        var fields = new Dictionary<string, string> { ["Course.Level"] = "A2", ["Course.Name"] = name, ["Course.GuidedHours"] = "90" };

        var added = await PostAsync(coordinator, "/Education/Courses", "Course", fields);
        var again = await PostAsync(coordinator, "/Education/Courses", "Course", fields);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains(name, await (await coordinator.GetAsync("/Education/Courses")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("A course with this name already exists.", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_section_is_created_at_the_coordinators_own_office_only()
    {
        var coordinator = await CoordinatorAsync(app, "KAY");
        var course = await CourseOfAsync(await SectionAsync(app, "KAY", capacity: 5));
        var (kay, other) = await OfficesAsync("KAY");
        Dictionary<string, string> Fields(int office) => new()
        {
            ["Section.CourseId"] = course.ToString(), ["Section.FieldOfficeId"] = office.ToString(), ["Section.Name"] = FoodSeed.NewCode("Evening "),
            ["Section.Capacity"] = "12", ["Section.MinimumToOpen"] = "6", ["Section.CrechePlaces"] = "3", ["Section.WomenOnly"] = "true",
            ["Section.TimeOfDay"] = "Evening", ["Section.StartsOn"] = "2027-02-01", ["Section.EndsOn"] = "2027-04-30",
        };

        var created = await PostAsync(coordinator, "/Education/Courses", "Section", Fields(kay));
        var refused = await PostAsync(coordinator, "/Education/Courses", "Section", Fields(other));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.ToString().Split('/')[^1]);
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            var section = await db.ClassSections.AsNoTracking().SingleAsync(s => s.Id == id);
            Assert.Equal((kay, 12, 6, 3, true, Core.Education.TimeOfDay.Evening), (section.FieldOfficeId, section.Capacity, section.MinimumToOpen, section.CrechePlaces, section.WomenOnly, section.TimeOfDay));
        }
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Sections can be created only at your own field offices.", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_weekly_pattern_puts_each_session_on_the_timetable_once()
    {
        var section = await SectionAsync(app, "KAY", capacity: 5);
        var coordinator = await CoordinatorAsync(app, "KAY");
        var page = $"/Education/Courses/Section/{section}";
        var fields = new Dictionary<string, string>
        {
            ["Timetable.Weekdays"] = "Monday", ["Timetable.StartsAt"] = "09:30", ["Timetable.Hours"] = "2.5",
            ["Timetable.From"] = "2027-01-04", ["Timetable.To"] = "2027-01-31",
        };
        var pairs = fields.Append(new("Timetable.Weekdays", "Wednesday")).ToList();

        var added = await PostAsync(coordinator, page, "Timetable", new() { ["Timetable.StartsAt"] = "09:30", ["Timetable.Hours"] = "2" });
        var first = await PostPairsAsync(coordinator, $"{page}?handler=Timetable", pairs);
        var second = await PostPairsAsync(coordinator, $"{page}?handler=Timetable", pairs);
        var elsewhere = await PostPairsAsync(await CoordinatorAsync(app, "IST"), $"{page}?handler=Timetable", pairs);

        Assert.Contains("Choose at least one weekday.", await added.Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.NotFound), (first.StatusCode, second.StatusCode, elsewhere.StatusCode));
        await using var scope = FoodSeed.Everything(app, out var db);
        var sessions = await db.ClassSessions.AsNoTracking().Where(s => s.SectionId == section).OrderBy(s => s.Date).ToListAsync();
        // January 2027 from the 4th: Mondays 4, 11, 18, 25 and Wednesdays 6, 13, 20, 27.
        Assert.Equal([4, 6, 11, 13, 18, 20, 25, 27], sessions.Select(s => s.Date.Day));
        Assert.All(sessions, s => Assert.Equal((new TimeOnly(9, 30), 2.5m), (s.StartsAt, s.Hours)));
    }

    [Fact]
    public async Task An_offer_is_accepted_from_the_sections_page_and_a_seat_of_no_one_is_not_there()
    {
        var section = await SectionAsync(app, "KAY", capacity: 1);
        var coordinator = await CoordinatorAsync(app, "KAY");
        var people = await PeopleAsync(app, "KAY", 2, seed: 40);
        var learner = await JsonAsync(await EnrolAsync(coordinator, section, await ApplyAsync(coordinator, people[0])));
        var next = await ApplyAsync(coordinator, people[1]);
        var page = $"/Education/Courses/Section/{section}";

        var withdrawn = await PostAsync(coordinator, page, "Withdraw", new() { ["enrolmentId"] = learner.GetProperty("id").GetGuid().ToString() });
        Guid offer;
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            offer = await db.Enrolments.AsNoTracking().Where(e => e.SectionId == section && e.ApplicationId == next).Select(e => e.Id).SingleAsync();
        }
        var shown = await (await coordinator.GetAsync(page)).Content.ReadAsStringAsync();
        var accepted = await PostAsync(coordinator, page, "Accept", new() { ["enrolmentId"] = offer.ToString() });
        var nobody = await PostAsync(coordinator, page, "Decline", new() { ["enrolmentId"] = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains($"id=\"accept-{offer}\"", shown);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.NotFound), (accepted.StatusCode, nobody.StatusCode));
        var seats = await SeatsAsync(app, section);
        Assert.Equal(EnrolmentStatus.Enrolled, seats.Single(s => s.Application == next).Status);
        Assert.Equal(EnrolmentStatus.Withdrawn, seats.Single(s => s.Application != next).Status);
    }

    private async Task<int> CourseOfAsync(int section)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return await db.ClassSections.Where(s => s.Id == section).Select(s => s.CourseId).SingleAsync();
    }

    private async Task<(int Own, int Other)> OfficesAsync(string own)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var offices = await db.FieldOffices.AsNoTracking().ToListAsync();
        return (offices.Single(o => o.Code == own).Id, offices.First(o => o.Code != own).Id);
    }
}

public sealed class SqliteCoordinatorPagesTests(SqliteClassesApp app) : CoordinatorPagesTests(app), IClassFixture<SqliteClassesApp>;

public sealed class PostgresCoordinatorPagesTests(PostgresClassesApp app) : CoordinatorPagesTests(app), IClassFixture<PostgresClassesApp>;
