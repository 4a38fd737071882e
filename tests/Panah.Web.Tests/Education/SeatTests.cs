using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Web.Features.Education;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Education.ClassesSeed;

namespace Panah.Web.Tests.Education;

/// <summary>The app on a clock the test moves, with offers held for one hour.</summary>
public abstract class ClassesApp(string provider) : PanahApp(provider)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public OfferLapseJob Sweep => Services.GetRequiredService<OfferLapseJob>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:Education:OfferDeadlineHours", "1");
        // The sweep's timer is off: its tests run one sweep themselves (OfferLapseJob.RunOnceAsync).
        builder.UseSetting("Panah:Education:OfferSweep", "false");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteClassesApp() : ClassesApp("sqlite");

public sealed class PostgresClassesApp() : ClassesApp("postgres");

/// <summary>Seats are given once, by the fair waitlist, to people who consented to education.</summary>
public abstract class SeatTests(ClassesApp app)
{
    [Fact]
    public async Task Coordinators_enrolling_the_last_seat_at_once_give_it_exactly_once()
    {
        var section = await SectionAsync(app, "KAY", capacity: 1);
        var coordinators = new[] { await CoordinatorAsync(app), await CoordinatorAsync(app) };
        var people = await PeopleAsync(app, "KAY", 8);
        var applications = new List<Guid>();
        foreach (var person in people)
        {
            applications.Add(await ApplyAsync(coordinators[0], person));
        }

        var responses = await Task.WhenAll(applications.Select((a, i) => EnrolAsync(coordinators[i % 2], section, a)));

        var answers = string.Join(" | ", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Created) == 1, answers);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 7, answers);
        var conflict = await JsonAsync(responses.First(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(EnrolmentRefusedException.SectionFull, conflict.GetProperty("code").GetString());
        var seats = await SeatsAsync(app, section);
        Assert.Equal((EnrolmentStatus.Enrolled, (int?)1), (seats.Single().Status, seats.Single().Seat));
    }

    [Fact]
    public async Task A_withdrawal_offers_the_seat_to_the_next_applicant_and_a_lapsed_offer_passes_it_on()
    {
        // Each test its own level: a section's waitlist is every applicant of its level at its site.
        var section = await SectionAsync(app, "KAY", capacity: 1, level: CefrLevel.B1);
        var coordinator = await CoordinatorAsync(app);
        var people = await PeopleAsync(app, "KAY", 3);
        var learner = await ApplyAsync(coordinator, people[0], score: 60);
        var enrolled = await JsonAsync(await EnrolAsync(coordinator, section, learner));
        var second = await ApplyAsync(coordinator, people[1], score: 65);
        // Higher priority though later: a residence permit renewal depends on their Turkish.
        var first = await ApplyAsync(coordinator, people[2], permit: true, score: 69);

        var waitlist = await JsonAsync(await coordinator.GetAsync($"/api/v1/education/sections/{section}/waitlist"));
        Assert.Equal([first, second], waitlist.EnumerateArray().Select(e => e.GetProperty("applicationId").GetGuid()));
        Assert.Equal("residence-permit", waitlist[0].GetProperty("why")[0].GetProperty("reason").GetString());
        Assert.Equal(2, waitlist[1].GetProperty("position").GetInt32());

        var withdrawn = await coordinator.PostAsync($"/api/v1/education/enrolments/{enrolled.GetProperty("id").GetGuid()}/withdraw", null);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var offered = (await SeatsAsync(app, section)).Single(s => s.Status == EnrolmentStatus.Offered);
        Assert.Equal(first, offered.Application);

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        await coordinator.GetAsync($"/api/v1/education/sections/{section}/waitlist");
        Assert.Equal(first, (await SeatsAsync(app, section)).Single(s => s.Status == EnrolmentStatus.Offered).Application);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await JsonAsync(await coordinator.GetAsync($"/api/v1/education/sections/{section}/waitlist"));
        Assert.Empty(after.EnumerateArray());
        var seats = await SeatsAsync(app, section);
        Assert.Contains((first, EnrolmentStatus.Lapsed, (int?)null), seats);
        var next = seats.Single(s => s.Status == EnrolmentStatus.Offered);
        Assert.Equal((second, (int?)1), (next.Application, next.Seat));

        var offerId = await OfferIdAsync(section, second);
        var accepted = await coordinator.PostAsync($"/api/v1/education/enrolments/{offerId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Enrolled", (await JsonAsync(accepted)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Enrolment_without_education_consent_is_refused_with_a_clear_error()
    {
        var section = await SectionAsync(app, "KAY", capacity: 5, level: CefrLevel.A2);
        var coordinator = await CoordinatorAsync(app);
        var person = (await PeopleAsync(app, "KAY", 1, educationConsent: false)).Single();
        var application = await ApplyAsync(coordinator, person, score: 55);

        var refused = await EnrolAsync(coordinator, section, application);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await JsonAsync(refused);
        Assert.Equal(EnrolmentRefusedException.ConsentMissing, problem.GetProperty("code").GetString());
        Assert.Contains("consent", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await SeatsAsync(app, section));
    }

    [Fact]
    public async Task A_teacher_sees_the_learners_of_their_own_section_only_and_only_name_and_phone()
    {
        var (teacherId, teacher) = await TeacherAsync(app);
        var own = await SectionAsync(app, "KAY", capacity: 5, level: CefrLevel.C1, teacherId: teacherId);
        var other = await SectionAsync(app, "KAY", capacity: 5, level: CefrLevel.C1);
        var coordinator = await CoordinatorAsync(app);
        var people = await PeopleAsync(app, "KAY", 2);
        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(coordinator, own, await ApplyAsync(coordinator, people[0], score: 85))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(coordinator, other, await ApplyAsync(coordinator, people[1], score: 85))).StatusCode);

        var mine = await teacher.GetAsync($"/api/v1/education/sections/{own}/learners");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var learners = await JsonAsync(mine);
        Assert.Equal([people[0]], learners.EnumerateArray().Select(l => l.GetProperty("personId").GetGuid()));
        Assert.False(string.IsNullOrEmpty(learners[0].GetProperty("name").GetString()));
        Assert.Equal(["enrolmentId", "name", "personId", "phone", "seatNumber", "status"], learners[0].EnumerateObject().Select(p => p.Name).Order());

        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/education/sections/{other}/learners")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/education/sections/{other}")).StatusCode);
        // Nothing of the registry beyond that: no person, household or food endpoint is open to a teacher.
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/people/{people[0]}")).StatusCode);
        var sections = await JsonAsync(await teacher.GetAsync("/api/v1/education/sections"));
        Assert.Equal([own], sections.EnumerateArray().Select(s => s.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Women_waiting_only_for_a_creche_place_are_reported()
    {
        var coordinator = await CoordinatorAsync(app, "SEF");
        await SectionAsync(app, "SEF", capacity: 5, creche: 1);
        var mothers = await PeopleAsync(app, "SEF", 2);
        await ApplyAsync(coordinator, mothers[0], creche: 2);
        await ApplyAsync(coordinator, mothers[1], creche: 1);

        var report = await JsonAsync(await coordinator.GetAsync("/api/v1/education/creche-demand"));

        Assert.Equal(1, report.GetProperty("women").GetInt32());
        Assert.Equal(2, report.GetProperty("children").GetInt32());
    }

    private async Task<Guid> OfferIdAsync(int section, Guid application)
    {
        await using var scope = Food.FoodSeed.Everything(app, out var db);
        return db.Enrolments.Single(e => e.SectionId == section && e.ApplicationId == application && e.Status == EnrolmentStatus.Offered).Id;
    }
}

public sealed class SqliteSeatTests(SqliteClassesApp app) : SeatTests(app), IClassFixture<SqliteClassesApp>;

public sealed class PostgresSeatTests(PostgresClassesApp app) : SeatTests(app), IClassFixture<PostgresClassesApp>;
