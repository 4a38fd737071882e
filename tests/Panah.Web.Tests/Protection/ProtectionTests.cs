using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Protection.ProtectionSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>Protection cases through HTTP: need-to-know, GBV names, approvals, the DPO's audited and alerted reads.</summary>
public abstract class ProtectionTests(PanahApp app)
{
    [Fact]
    public async Task A_case_opened_from_the_registry_shows_to_its_owner_and_only_its_existence_to_a_same_team_worker()
    {
        var t = await TeamsAsync(app);
        var person = await PersonAsync(app, 301);
        var id = await OpenAsync(t.Owner, new { personId = person, type = "ChildUnaccompanied", risk = "High", summary = "found alone at the bus station" });

        var mine = await CaseAsync(t.Owner, id);
        Assert.False(string.IsNullOrEmpty(mine.GetProperty("name").GetString()));
        Assert.Equal("Registration", mine.GetProperty("stage").GetString());
        Assert.Contains(mine.GetProperty("tasks").EnumerateArray(), x => x.GetProperty("kind").GetString() == "Assessment" && x.GetProperty("standing").GetString() == "Upcoming");

        Assert.Equal(HttpStatusCode.NotFound, (await t.SameTeam.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        var existence = await t.SameTeam.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/people/{person}/cases");
        var only = Assert.Single(existence.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("caseId").ValueKind);
        Assert.False(string.IsNullOrEmpty(only.GetProperty("owner").GetString()));
        Assert.DoesNotContain("bus station", existence.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(mine.GetProperty("name").GetString()!, existence.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gbv_survivors_name_is_hidden_from_the_supervisor_who_sees_the_case()
    {
        var t = await TeamsAsync(app);
        var id = await OpenAsync(t.Owner, new { type = "Gbv", risk = "High", name = "Gülnar Tursun", reportingConsent = true });

        Assert.Equal("Gülnar Tursun", (await CaseAsync(t.Owner, id)).GetProperty("name").GetString());
        var seen = await CaseAsync(t.Supervisor, id);
        Assert.True(seen.GetProperty("nameHidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("name").ValueKind);
        Assert.DoesNotContain("Gülnar", seen.GetRawText(), StringComparison.Ordinal);
        Assert.True(seen.GetProperty("reportingConsent").GetBoolean());
        var list = await t.Supervisor.Client.GetStringAsync("/api/v1/protection/cases");
        Assert.Contains(id.ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain("Gülnar", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assessment_waits_for_the_supervisor_who_alone_approves_and_a_rejection_needs_a_comment()
    {
        var t = await TeamsAsync(app);
        var id = await OpenAsync(t.Owner, new { type = "ChildSeparated", risk = "Medium", name = "Abdulla" });
        var recorded = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/assessments",
            new { version = 0, needs = "school", careArrangement = "with an aunt", bestInterests = true, bidRequired = "DurableSolution" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var c = await CaseAsync(t.Owner, id);
        Assert.Equal("Assessment", c.GetProperty("stage").GetString());
        var approval = Assert.Single(c.GetProperty("approvals").EnumerateArray());
        Assert.Equal("BestInterests", approval.GetProperty("subject").GetString());
        Assert.Equal("DurableSolution", c.GetProperty("assessments")[0].GetProperty("bidRequired").GetString());
        var approvalId = approval.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.BadRequest, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approvalId}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approvalId}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approvalId}/decision", new { approve = false })).StatusCode);
        var rejected = await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approvalId}/decision", new { approve = false, comment = "ask about the uncle" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approvalId}/decision", new { approve = true })).StatusCode);

        var version = (await CaseAsync(t.Owner, id)).GetProperty("version").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/approvals", new { version, subject = "Closure", comment = "reunified" })).StatusCode);
        var closure = (await CaseAsync(t.Owner, id)).GetProperty("approvals").EnumerateArray().First(a => a.GetProperty("subject").GetString() == "Closure").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{closure}/decision", new { approve = true })).StatusCode);

        var closed = await CaseAsync(t.Owner, id);
        Assert.Equal("Closed", closed.GetProperty("stage").GetString());
        var history = closed.GetProperty("approvals").EnumerateArray().Select(a => (a.GetProperty("subject").GetString(), a.GetProperty("status").GetString(), a.GetProperty("decisionComment").GetString())).ToList();
        Assert.Contains(("BestInterests", "Rejected", "ask about the uncle"), history);
        Assert.Contains(("Closure", "Approved", null), history);
    }

    [Fact]
    public async Task Two_workers_never_overwrite_each_other_a_stale_version_is_refused()
    {
        var t = await TeamsAsync(app);
        var id = await OpenAsync(t.Owner, new { type = "WomanAtRisk", risk = "Low", name = "Mihrigul" });
        Assert.Equal(HttpStatusCode.Created, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/assessments", new { version = 0, needs = "housing" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/assessments", new { version = 0, needs = "work" })).StatusCode);
    }

    [Fact]
    public async Task The_data_protection_officers_read_of_a_case_is_audited_and_alerted()
    {
        var t = await TeamsAsync(app);
        var id = await OpenAsync(t.Owner, new { type = "Gbv", risk = "Medium", name = "Ayshe" });
        var dpo = await WorkerAsync(app, Roles.DataProtectionOfficer);
        var manager = await WorkerAsync(app, Roles.ProgrammeManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dpo.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);

        await using var scope = FoodSeed.Everything(app, out var db);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "case.read" && e.EntityId == id.ToString() && e.Actor.Contains(dpo.Id)));
        var alerts = await db.Alerts.Where(a => a.Kind == "case.dpo-read" && a.StaffUserId == dpo.Id).ToListAsync();
        Assert.Contains(alerts, a => a.Detail!.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.False(await db.Alerts.AnyAsync(a => a.Kind == "case.dpo-read" && a.StaffUserId == t.Owner.Id));
    }
}

public sealed class SqliteProtectionTests(SqliteApp app) : ProtectionTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProtectionTests(PostgresApp app) : ProtectionTests(app), IClassFixture<PostgresApp>;
