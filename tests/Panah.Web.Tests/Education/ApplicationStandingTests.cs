using System.Net;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using static Panah.Web.Tests.Education.ClassesSeed;

namespace Panah.Web.Tests.Education;

/// <summary>An application's page and API show its place on the waitlist and why: every reason with its weight, and its place per section.</summary>
public abstract class ApplicationStandingTests(ClassesApp app)
{
    [Fact]
    public async Task An_application_shows_its_position_the_weights_of_its_score_and_its_place_in_line_per_section()
    {
        var open = await SectionAsync(app, "KAY", capacity: 1, level: CefrLevel.A2);
        var womenOnly = await SectionAsync(app, "KAY", capacity: 1, level: CefrLevel.A2, womenOnly: true, creche: 1);
        var coordinator = await CoordinatorAsync(app);
        var people = await PeopleAsync(app, "KAY", 3, seed: 60);
        await ApplyAsync(coordinator, people[0], permit: true, score: 55);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var mother = await ApplyAsync(coordinator, people[1], permit: true, creche: 2, score: 55);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var last = await ApplyAsync(coordinator, people[2], score: 55);

        var response = await coordinator.GetAsync($"/api/v1/education/applications/{last}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var standing = await JsonAsync(response);
        Assert.Equal((3, 3), (standing.GetProperty("position").GetInt32(), standing.GetProperty("waiting").GetInt32()));
        Assert.False(string.IsNullOrEmpty(standing.GetProperty("name").GetString()));
        // Every reason with its configured weight (the defaults), those that do not apply at 0 points.
        Assert.Equal(
            ["residence-permit False 30 0", "work False 20 0", "woman-head-of-household True 15 15", "repeats-level False 0 0", "waiting False 5 0"],
            standing.GetProperty("why").EnumerateArray().Select(w =>
                $"{w.GetProperty("reason").GetString()} {w.GetProperty("applies").GetBoolean()} {w.GetProperty("weight").GetInt32()} {w.GetProperty("points").GetInt32()}"));
        Assert.Equal(15, standing.GetProperty("score").GetInt32());
        // In line for each section: the mother's two children need crèche places neither has, so she is in neither line.
        var sections = standing.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("sectionId").GetInt32());
        Assert.Equal((2, 2), (sections[open].GetProperty("position").GetInt32(), sections[open].GetProperty("inLine").GetInt32()));
        Assert.Equal((2, 2), (sections[womenOnly].GetProperty("position").GetInt32(), sections[womenOnly].GetProperty("inLine").GetInt32()));

        var theMother = await JsonAsync(await coordinator.GetAsync($"/api/v1/education/applications/{mother}"));
        Assert.Equal(2, theMother.GetProperty("position").GetInt32());
        Assert.All(theMother.GetProperty("sections").EnumerateArray(), s =>
        {
            Assert.Equal(JsonValueKindNull, s.GetProperty("position").ValueKind);
            Assert.True(s.GetProperty("onlyCrecheMissing").GetBoolean());
        });

        var page = await coordinator.GetStringAsync($"/Education/Application/{last}");
        Assert.Contains("Position 3 of 3 waiting for A2 at this site.", page);
        Assert.Contains("5 per 30 days waited, at most 30 (0 full months so far)", page);
        Assert.Contains("2 of 2 in line", page);
        Assert.Contains("Suits but for a crèche place", (await coordinator.GetStringAsync($"/Education/Application/{mother}")).Replace("&#xE8;", "è"));

        await using var scope = Food.FoodSeed.Everything(app, out var db);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "education.application.view" && e.EntityId == last.ToString()));
    }

    [Fact]
    public async Task Waiting_counts_with_its_weight_and_an_application_of_another_office_is_not_found()
    {
        await SectionAsync(app, "KAY", capacity: 1, level: CefrLevel.B2);
        var person = (await PeopleAsync(app, "KAY", 1, seed: 61)).Single();
        var application = await ApplyAsync(await CoordinatorAsync(app), person, work: true, score: 75);
        app.Clock.Advance(TimeSpan.FromDays(61));
        // Tokens last a day: clients made after the clock moved.
        var coordinator = await CoordinatorAsync(app);

        var standing = await JsonAsync(await coordinator.GetAsync($"/api/v1/education/applications/{application}"));

        var waiting = standing.GetProperty("why").EnumerateArray().Single(w => w.GetProperty("reason").GetString() == "waiting");
        Assert.Equal((true, 5, 10), (waiting.GetProperty("applies").GetBoolean(), waiting.GetProperty("weight").GetInt32(), waiting.GetProperty("points").GetInt32()));
        Assert.Equal(2, standing.GetProperty("monthsWaiting").GetInt32());
        Assert.Equal(20 + 15 + 10, standing.GetProperty("score").GetInt32());
        var elsewhere = await CoordinatorAsync(app, "IST");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/education/applications/{application}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/Education/Application/{application}")).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class SqliteApplicationStandingTests(SqliteClassesApp app) : ApplicationStandingTests(app), IClassFixture<SqliteClassesApp>;

public sealed class PostgresApplicationStandingTests(PostgresClassesApp app) : ApplicationStandingTests(app), IClassFixture<PostgresClassesApp>;
