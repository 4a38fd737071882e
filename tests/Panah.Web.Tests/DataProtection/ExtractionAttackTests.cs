using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Budgets;
using Panah.Data.Demo;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Panah.Web.Tests.DataProtection;

/// <summary>A registry the size of the demo's (2,000 households), with the read budgets Panah ships with.</summary>
public abstract class DemoSizedApp(string provider) : PanahApp(provider), IAsyncLifetime
{
    public const int Households = 2000;

    protected override bool GenerousReadBudgets => false;

    public int People { get; private set; }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        People = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedHouseholdsAsync(Households, seed: 11);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteDemoSizedApp() : DemoSizedApp("sqlite");

public sealed class PostgresDemoSizedApp() : DemoSizedApp("postgres");

/// <summary>
/// The attack of issue 7, scripted: a stolen officer session and stolen API tokens page through the people list,
/// the household list and search in pages of 50, as fast as they can. Each is stopped at its budget, the
/// alert exists when the first refusal arrives, and the figures are printed for the report.
/// </summary>
public abstract class ExtractionAttackTests(DemoSizedApp app, ITestOutputHelper output)
{
    /// <summary>1 % of a 100,000-household registry (about 4.3 people a household, as in the demo).</summary>
    private const int OnePercentOfAHundredThousandHouseholds = 4000;

    /// <summary>Pages smaller than any budget, so the attacker takes all a budget allows before the refusal.</summary>
    private const int PageSize = 50;

    private async Task<(int Shown, int Requests)> ExtractAsync(HttpClient client)
    {
        var shown = 0;
        var requests = 0;
        for (var page = 1; page <= 1000; page++)
        {
            foreach (var (request, counted) in new (Func<Task<HttpResponseMessage>> Send, Func<JsonElement, int> Count)[]
            {
                (() => client.GetAsync($"/api/v1/people?pageSize={PageSize}&page={page}"), items => items.GetArrayLength()),
                (() => client.GetAsync($"/api/v1/households?pageSize={PageSize}&page={page}"), items => items.EnumerateArray().Count(h => h.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.Object)),
                (() => client.PostAsJsonAsync("/api/v1/people/search", new { name = "Tursun", page }), items => items.GetArrayLength()),
            })
            {
                var response = await request();
                requests++;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    return (shown, requests);
                }
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                shown += counted((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items"));
            }
        }
        throw new InvalidOperationException($"never stopped ({shown} people shown)");
    }

    private async Task AttackAsync(string who, TestStaff staff, HttpClient client, int budget)
    {
        var clock = Stopwatch.StartNew();
        var (shown, requests) = await ExtractAsync(client);
        var stoppedAfter = clock.Elapsed;
        var alerts = await AlertsAsync(staff.User.Id);
        var alertSeenAfter = clock.Elapsed;

        output.WriteLine($"{app.Provider} {who}: {shown} person records shown in {requests} requests (the last one refused with 429) " +
            $"({100.0 * shown / app.People:0.00} % of {app.People} people; goal < {OnePercentOfAHundredThousandHouseholds}); " +
            $"stopped after {stoppedAfter.TotalSeconds:0.0} s, alert present {(alertSeenAfter - stoppedAfter).TotalMilliseconds:0} ms later: {alerts.Count} alert(s)");
        Assert.InRange(shown, 1, budget);
        Assert.True(shown < OnePercentOfAHundredThousandHouseholds);
        var alert = Assert.Single(alerts);
        Assert.Equal(ReadBudgets.AlertKind, alert.Kind);
        Assert.True(alertSeenAfter - stoppedAfter < TimeSpan.FromMinutes(1));
        // And the rest of the day: blocked until the data protection officer lifts it.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/people?pageSize=1")).StatusCode);
    }

    private async Task<List<Panah.Data.Alerts.Alert>> AlertsAsync(string staffUserId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Panah.Data.PanahDbContext>();
        return await db.Alerts.Where(a => a.StaffUserId == staffUserId).ToListAsync();
    }

    private async Task<(TestStaff, HttpClient)> TokenOfAsync(string role)
    {
        var staff = await app.CreateStaffAsync(role);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "stolen", 30);
        return (staff, app.ClientWithToken(secret));
    }

    [Fact]
    public async Task A_stolen_officer_session_is_stopped_at_the_officer_budget()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var defaults = new ReadBudgetOptions();
        await AttackAsync("officer cookie session", staff, await StaffSession.SignInAsync(app, staff), defaults.Roles[Roles.RegistrationOfficer].PerHour);
    }

    [Fact]
    public async Task A_stolen_officer_token_is_stopped_at_the_token_budget()
    {
        var (staff, token) = await TokenOfAsync(Roles.RegistrationOfficer);
        await AttackAsync("officer API token", staff, token, new ReadBudgetOptions().Token.PerHour);
    }

    [Fact]
    public async Task A_stolen_programme_manager_token_is_stopped_at_the_token_budget()
    {
        var (staff, token) = await TokenOfAsync(Roles.ProgrammeManager);
        await AttackAsync("programme manager API token", staff, token, new ReadBudgetOptions().Token.PerHour);
    }
}

public sealed class SqliteExtractionAttackTests(SqliteDemoSizedApp app, ITestOutputHelper output) : ExtractionAttackTests(app, output), IClassFixture<SqliteDemoSizedApp>;

public sealed class PostgresExtractionAttackTests(PostgresDemoSizedApp app, ITestOutputHelper output) : ExtractionAttackTests(app, output), IClassFixture<PostgresDemoSizedApp>;
