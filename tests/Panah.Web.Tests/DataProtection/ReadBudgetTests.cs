using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Budgets;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>
/// Per-account budgets of person records shown: a token or a session paging through the registry is stopped at
/// its budget with 429, the data protection officer is alerted once, and the block holds across the account.
/// </summary>
public abstract class ReadBudgetTests(SmallBudgetApp app)
{
    /// <summary>Reads pages of <paramref name="url"/> (with <c>page=N</c>) until refused; returns the people shown and the refusal.</summary>
    public static async Task<(int Shown, HttpResponseMessage Refusal)> PageUntilRefusedAsync(HttpClient client, string url, int maxPages = 500)
    {
        var shown = 0;
        for (var page = 1; page <= maxPages; page++)
        {
            var response = await client.GetAsync($"{url}&page={page}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (shown, response);
            }
            shown += (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        }
        throw new InvalidOperationException($"not refused after {maxPages} pages ({shown} people)");
    }

    private async Task<(TestStaff Staff, HttpClient Token)> OfficerWithTokenAsync()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "script", 7);
        return (staff, app.ClientWithToken(secret));
    }

    [Fact]
    public async Task A_token_paging_through_people_is_stopped_at_its_budget_with_problem_details_and_one_alert()
    {
        var (staff, token) = await OfficerWithTokenAsync();

        var (shown, refusal) = await PageUntilRefusedAsync(token, "/api/v1/people?pageSize=15");

        Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
        Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
        var problem = await refusal.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Read limit reached", problem.GetProperty("title").GetString());
        Assert.InRange(shown, SmallBudgetApp.TokenPerHour - 15, SmallBudgetApp.TokenPerHour);

        // Blocked, not merely out of this hour: households and search are refused too, and still one alert.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await token.GetAsync("/api/v1/households?pageSize=1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await token.PostAsJsonAsync("/api/v1/people/search", new { name = "Tursun" })).StatusCode);
        var alert = Assert.Single(await app.AlertsAboutAsync(staff.User.Id));
        Assert.Equal(ReadBudgets.AlertKind, alert.Kind);
        Assert.Null(alert.ResolvedAt);
        Assert.DoesNotContain("@", alert.Detail ?? "");
    }

    [Fact]
    public async Task A_blocked_account_is_blocked_in_its_browser_session_too_with_a_translated_page()
    {
        var (staff, token) = await OfficerWithTokenAsync();
        await PageUntilRefusedAsync(token, "/api/v1/people?pageSize=20");
        var browser = await StaffSession.SignInAsync(app, staff);

        var list = await browser.GetAsync("/Registry/People");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal("/Account/ReadBudget", list.Headers.Location?.ToString());
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/ReadBudget");
        request.Headers.AcceptLanguage.ParseAdd("tr");
        var page = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Okuma sınırına ulaşıldı", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await app.AlertsAboutAsync(staff.User.Id));
    }

    [Fact]
    public async Task Parallel_reads_of_one_session_never_show_more_than_the_budget()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var browser = await StaffSession.SignInAsync(app, staff);
        const int pageSize = 10;

        var responses = await Task.WhenAll(Enumerable.Range(1, 24).Select(page => browser.GetAsync($"/api/v1/people?pageSize={pageSize}&page={page}")));

        var shown = 0;
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            shown += (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        }
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.InRange(shown, SmallBudgetApp.OfficerPerHour - pageSize, SmallBudgetApp.OfficerPerHour);
        Assert.Single(await app.AlertsAboutAsync(staff.User.Id));
    }

    [Fact]
    public async Task The_block_outlasts_the_hour_and_the_day_it_was_crossed_in()
    {
        var (_, token) = await OfficerWithTokenAsync();
        await PageUntilRefusedAsync(token, "/api/v1/people?pageSize=20");

        app.Clock.Advance(TimeSpan.FromHours(25));

        Assert.Equal(HttpStatusCode.TooManyRequests, (await token.GetAsync("/api/v1/people?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task A_service_account_without_a_grant_has_the_small_service_budget()
    {
        var service = await app.CreateServiceAccountAsync(Roles.RegistrationOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueForServiceAccountAsync(service, "sync", 1);

        var (shown, refusal) = await PageUntilRefusedAsync(app.ClientWithToken(secret), "/api/v1/people?pageSize=10");

        Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
        Assert.Equal(SmallBudgetApp.ServicePerHour, shown);
    }
}

public sealed class SqliteReadBudgetTests(SqliteSmallBudgetApp app) : ReadBudgetTests(app), IClassFixture<SqliteSmallBudgetApp>;

public sealed class PostgresReadBudgetTests(PostgresSmallBudgetApp app) : ReadBudgetTests(app), IClassFixture<PostgresSmallBudgetApp>;

/// <summary>The counting rule, on its own.</summary>
public sealed class PeopleShownTests
{
    [Fact]
    public void Each_person_counts_once_whether_named_in_a_list_or_by_a_person_view()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Panah.Data.Audit.AuditEvent[] household =
        [
            new("household.view", "household", Guid.NewGuid().ToString()),
            new("person.view", "person", a.ToString(), "via=household"),
            new("person.view", "person", b.ToString(), "via=household"),
            new("people.list", "person") { People = [a, b, Guid.NewGuid()] },
        ];
        Assert.Equal(3, PeopleShown.Count(household));
        Assert.Equal(0, PeopleShown.Count([new("alert.raise", "alert", null, "kind=budget.exceeded")]));
    }
}
