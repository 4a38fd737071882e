using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Referrals;
using static Panah.Web.Tests.Referrals.ReferralSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>A case's plan and in-house services through HTTP: the stage they give, the plan's approval, sealing, who may change them.</summary>
public abstract class CasePlanTests(PanahApp app)
{
    private static async Task<string> StageAsync(Staffer who, Guid id) =>
        (await who.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}")).GetProperty("stage").GetString()!;

    [Fact]
    public async Task A_goal_makes_the_case_plan_stage_a_service_the_services_stage_and_its_completion_follow_up()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 501, ConsentPurpose.Protection));
        Assert.Equal("Registration", await StageAsync(t.Owner, id));

        var goal = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/plan/items",
            new { version = await VersionAsync(t.Owner, id), goal = "Reunite with the aunt in Kayseri", action = "Visit the aunt", who = "case worker and the aunt", dueOn = "2026-12-20" });
        Assert.Equal(HttpStatusCode.Created, goal.StatusCode);
        Assert.Equal("CasePlan", await StageAsync(t.Owner, id));
        var caseTasks = (await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}")).GetProperty("tasks").EnumerateArray().ToList();
        Assert.DoesNotContain(caseTasks, x => x.GetProperty("kind").GetString() == "CasePlan" && x.GetProperty("standing").GetString() != "Done");

        var service = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/services",
            new { version = await VersionAsync(t.Owner, id), type = "psychosocial", providedOn = "2026-11-30", note = "first session" });
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);
        var serviceId = (await service.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal("Services", await StageAsync(t.Owner, id));

        var done = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/services/{serviceId}/complete", new { version = await VersionAsync(t.Owner, id) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("FollowUp", await StageAsync(t.Owner, id));
        Assert.Equal("Protection.AlreadyDone", await ProblemTypeAsync(
            await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/services/{serviceId}/complete", new { version = await VersionAsync(t.Owner, id) })));

        var plan = await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan");
        Assert.Equal("Visit the aunt", plan.GetProperty("items")[0].GetProperty("action").GetString());
        Assert.Equal("2026-12-20", plan.GetProperty("items")[0].GetProperty("dueOn").GetString());
        Assert.Equal("first session", plan.GetProperty("services")[0].GetProperty("note").GetString());
        Assert.Equal(t.Owner.Id, plan.GetProperty("services")[0].GetProperty("providedBy").GetString());

        // Sealed under the case key: the goal's words are nowhere in clear.
        await using var scope = FoodSeed.Everything(app, out var db);
        var sealedRows = await db.CasePlanItems.Where(i => i.CaseId == id).Select(i => i.Sealed).ToListAsync();
        Assert.DoesNotContain(sealedRows, b => Encoding.UTF8.GetString(b).Contains("aunt", StringComparison.Ordinal));
        Assert.Contains(await db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(), a => a == "case.plan.add");
    }

    [Fact]
    public async Task The_plan_is_approved_by_the_supervisor_only_once_it_has_a_goal()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 502, ConsentPurpose.Protection));
        var empty = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/approvals", new { version = await VersionAsync(t.Owner, id), subject = "CasePlan" });
        Assert.Equal("Protection.PlanEmpty", await ProblemTypeAsync(empty));

        await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/plan/items", new { version = await VersionAsync(t.Owner, id), goal = "School enrolment" });
        var asked = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/approvals", new { version = await VersionAsync(t.Owner, id), subject = "CasePlan" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.True((await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan")).GetProperty("approvalPending").GetBoolean());
        var approval = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.BadRequest, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approval}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approval}/decision", new { approve = true, comment = "good plan" })).StatusCode);

        var plan = await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan");
        Assert.False(plan.GetProperty("approvalPending").GetBoolean());
        Assert.Equal(JsonValueKind.String, plan.GetProperty("items")[0].GetProperty("approvedAt").ValueKind);
    }

    [Fact]
    public async Task Only_the_owner_changes_the_plan_another_team_does_not_find_it_and_a_stale_version_is_a_conflict()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 503, ConsentPurpose.Protection));
        var version = await VersionAsync(t.Owner, id);
        var body = new { version, goal = "Safe housing" };

        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.GetAsync($"/api/v1/protection/cases/{id}/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/plan/items", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.Colleague.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/services", new { version, type = "legal", providedOn = "2026-11-01" })).StatusCode);
        Assert.Equal("Protection.OwnerOnly", await ProblemTypeAsync(await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/plan/items", body)));
        Assert.Equal("Protection.ServiceInvalid", await ProblemTypeAsync(await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/services", new { version, type = "astrology", providedOn = "2026-11-01" })));

        Assert.Equal(HttpStatusCode.Created, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/plan/items", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/plan/items", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Supervisor.Client.GetAsync($"/api/v1/protection/cases/{id}/plan")).StatusCode);
    }
}

public sealed class SqliteCasePlanTests(SqliteApp app) : CasePlanTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCasePlanTests(PostgresApp app) : CasePlanTests(app), IClassFixture<PostgresApp>;
