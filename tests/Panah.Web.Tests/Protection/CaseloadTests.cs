using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Referrals.ReferralSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>
/// The supervisor's caseload, through the scope: their team's worker with two open cases (one high, one low risk) and an
/// overdue task; a worker of another team is not in it; a worker who supervises nobody gets no team, on the page and the API.
/// </summary>
public abstract class CaseloadTests(PanahApp app)
{
    [Fact]
    public async Task A_supervisor_sees_their_teams_open_cases_per_worker_by_stage_and_risk_with_overdue_tasks_and_nothing_else()
    {
        var t = await CasePageTests.PageTeamAsync(app);
        var high = await CasePageTests.OpenAsync(t.Owner, await PersonAsync(app, 1101, ConsentPurpose.Protection));
        var low = await t.Owner.Api.PostAsJsonAsync("/api/v1/protection/cases", new { personId = await PersonAsync(app, 1102, ConsentPurpose.Protection), type = "ChildOtherRisk", risk = "Low" });
        Assert.Equal(HttpStatusCode.Created, low.StatusCode);
        await CasePageTests.OpenAsync(t.OtherTeam, await PersonAsync(app, 1103, ConsentPurpose.Protection));
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var task = await db.CaseTasks.FirstAsync(x => x.CaseId == high && x.DoneAt == null);
            task.DueAt = now.AddDays(-2);
            await db.SaveChangesAsync();
        }

        var teams = await t.Supervisor.Api.GetFromJsonAsync<JsonElement>("/api/v1/protection/caseload");
        var team = Assert.Single(teams.EnumerateArray());
        Assert.Equal(1, team.GetProperty("workers").GetInt32());
        Assert.Equal(1, team.GetProperty("overdueTasks").GetInt32());
        var load = Assert.Single(team.GetProperty("loads").EnumerateArray());
        Assert.Equal(t.Owner.Id, load.GetProperty("workerId").GetString());
        Assert.Equal(2, load.GetProperty("open").GetInt32());
        Assert.Equal("Under10", load.GetProperty("band").GetString());
        Assert.Equal(1, load.GetProperty("byRisk").GetProperty("High").GetInt32());
        Assert.Equal(0, load.GetProperty("byRisk").GetProperty("Medium").GetInt32());
        Assert.Equal(1, load.GetProperty("byRisk").GetProperty("Low").GetInt32());
        Assert.Equal(2, load.GetProperty("byStage").GetProperty("Registration").GetInt32());
        Assert.False(load.GetProperty("byStage").TryGetProperty("Closed", out _));
        Assert.Equal(1, load.GetProperty("overdueTasks").GetInt32());
        Assert.DoesNotContain(t.OtherTeam.Id, teams.GetRawText(), StringComparison.Ordinal);

        var page = await t.Supervisor.Page.GetAsync("/Protection/Caseload");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"data-worker=\"{t.Owner.Id}\" data-band=\"Under10\"", html, StringComparison.Ordinal);
        Assert.Contains("1 overdue tasks in the team", html, StringComparison.Ordinal);
        Assert.Contains("Registration 2", html, StringComparison.Ordinal);
        Assert.Contains("High risk 1 · Low risk 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain(t.OtherTeam.Id, html, StringComparison.Ordinal);

        // The workers themselves supervise nobody: no team, whether of their own or another.
        Assert.Empty((await t.Owner.Api.GetFromJsonAsync<JsonElement>("/api/v1/protection/caseload")).EnumerateArray());
        Assert.Empty((await t.OtherTeam.Api.GetFromJsonAsync<JsonElement>("/api/v1/protection/caseload")).EnumerateArray());
        Assert.Contains("id=\"no-teams\"", await (await t.Owner.Page.GetAsync("/Protection/Caseload")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteCaseloadTests(SqliteApp app) : CaseloadTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCaseloadTests(PostgresApp app) : CaseloadTests(app), IClassFixture<PostgresApp>;
