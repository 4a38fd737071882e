using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Education;
using Panah.Data.Registry;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Education.ClassesSeed;

namespace Panah.Web.Tests.Education;

/// <summary>
/// The coordinator's application page: a household found by its code within the coordinator's offices, an applicant
/// chosen among its members, and consent to education recorded with the application when it is given then.
/// </summary>
public abstract class ApplyPageTests(ClassesApp app)
{
    private const string Page = "/Education/Apply";

    [Fact]
    public async Task A_household_is_found_by_its_code_as_typed_and_shows_whether_each_member_consented()
    {
        var coordinator = await CoordinatorAsync(app, "KAY");
        var person = (await PeopleAsync(app, "KAY", 1, educationConsent: false, seed: 300))[0];
        var code = await CodeOfAsync(person);

        var found = await Html.PostFormAsync(coordinator, Page, new Dictionary<string, string> { ["Form.HouseholdCode"] = "  " + code.ToLowerInvariant() }, $"{Page}?handler=Find");

        var html = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"id=\"applicant-{person}\"", html);
        Assert.Contains("No consent to education", html);
        Assert.Contains("no-store", found.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_household_of_another_office_is_not_found()
    {
        var coordinator = await CoordinatorAsync(app, "KAY");
        var elsewhere = (await PeopleAsync(app, "IST", 1, seed: 301))[0];

        var found = await Html.PostFormAsync(coordinator, Page, new Dictionary<string, string> { ["Form.HouseholdCode"] = await CodeOfAsync(elsewhere) }, $"{Page}?handler=Find");

        var html = await found.Content.ReadAsStringAsync();
        Assert.Contains("No household with this code at your field offices.", html);
        Assert.DoesNotContain($"applicant-{elsewhere}", html);
    }

    [Fact]
    public async Task Applying_with_consent_given_now_records_the_consent_and_the_application()
    {
        var coordinator = await CoordinatorAsync(app, "KAY");
        var person = (await PeopleAsync(app, "KAY", 1, educationConsent: false, seed: 302))[0];

        var applied = await ApplyAsync(coordinator, await CodeOfAsync(person), person, consentNow: true, score: "55");

        var html = await applied.Content.ReadAsStringAsync();
        Assert.Contains("Application recorded for level A2", html);
        Assert.DoesNotContain("applied-without-consent", html);
        await using var scope = FoodSeed.Everything(app, out var db);
        var application = await db.ClassApplications.AsNoTracking().SingleAsync(a => a.PersonId == person);
        Assert.Equal((CefrLevel.A2, 55, ApplicationStatus.Waiting), (application.Level, application.PlacementScore, application.Status));
        var details = (await scope.ServiceProvider.GetRequiredService<RegistryStore>().GetPersonAsync(person))!.Details;
        var education = Assert.Single(details.Consents, c => c.Purpose == ConsentPurpose.Education);
        Assert.Equal(("2026-1", (DateOnly?)null), (education.NoticeVersion, education.WithdrawnOn));
        Assert.Contains(details.Consents, c => c.Purpose == ConsentPurpose.Registration);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "consent.give" && e.EntityId == person.ToString()));
    }

    [Fact]
    public async Task Applying_without_consent_is_recorded_with_a_warning_and_records_no_consent()
    {
        var coordinator = await CoordinatorAsync(app, "KAY");
        var person = (await PeopleAsync(app, "KAY", 1, educationConsent: false, seed: 303))[0];

        var applied = await ApplyAsync(coordinator, await CodeOfAsync(person), person, consentNow: false, beginner: true);

        var html = await applied.Content.ReadAsStringAsync();
        Assert.Contains("Application recorded for level A1", html);
        Assert.Contains("id=\"applied-without-consent\"", html);
        await using var scope = FoodSeed.Everything(app, out var db);
        var details = (await scope.ServiceProvider.GetRequiredService<RegistryStore>().GetPersonAsync(person))!.Details;
        Assert.DoesNotContain(details.Consents, c => c.Purpose == ConsentPurpose.Education);
    }

    [Fact]
    public async Task Someone_outside_the_household_typed_is_not_an_applicant_and_a_bad_score_is_an_error()
    {
        var coordinator = await CoordinatorAsync(app, "KAY");
        var people = await PeopleAsync(app, "KAY", 2, seed: 304);

        var stranger = await ApplyAsync(coordinator, await CodeOfAsync(people[0]), people[1], consentNow: false, beginner: true);
        var badScore = await ApplyAsync(coordinator, await CodeOfAsync(people[0]), people[0], consentNow: false, score: "101");
        var neither = await ApplyAsync(coordinator, await CodeOfAsync(people[0]), people[0], consentNow: false);

        Assert.Contains("Choose who applies.", await stranger.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, badScore.StatusCode);
        Assert.DoesNotContain("Application recorded", await badScore.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Application recorded", await neither.Content.ReadAsStringAsync());
        await using var scope = FoodSeed.Everything(app, out var db);
        Assert.False(await db.ClassApplications.AnyAsync(a => a.PersonId == people[0] || a.PersonId == people[1]));
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient coordinator, string code, Guid person, bool consentNow, string? score = null, bool beginner = false)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.HouseholdCode"] = code, ["Form.PersonId"] = person.ToString(), ["Form.CrecheChildren"] = "0",
            ["Form.ConsentGivenNow"] = consentNow ? "true" : "false", ["Form.Beginner"] = beginner ? "true" : "false",
        };
        if (score is not null)
        {
            fields["Form.PlacementScore"] = score;
        }
        return Html.PostFormAsync(coordinator, Page, fields, $"{Page}?handler=Apply");
    }

    private async Task<string> CodeOfAsync(Guid person)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return await db.People.AsNoTracking().Where(p => p.Id == person).Select(p => p.Household!.Code).SingleAsync();
    }
}

public sealed class SqliteApplyPageTests(SqliteClassesApp app) : ApplyPageTests(app), IClassFixture<SqliteClassesApp>;

public sealed class PostgresApplyPageTests(PostgresClassesApp app) : ApplyPageTests(app), IClassFixture<PostgresClassesApp>;
