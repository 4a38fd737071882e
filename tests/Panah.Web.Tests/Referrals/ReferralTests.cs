using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Referrals.ReferralSeed;

namespace Panah.Web.Tests.Referrals;

/// <summary>Referrals and transfers of protection cases through HTTP: consent before sharing, the supervisor's audited override, states, access moving on accept.</summary>
public abstract class ReferralTests(PanahApp app)
{
    [Fact]
    public async Task A_referral_without_consent_is_refused_and_only_the_supervisors_override_lets_it_go_audited()
    {
        var t = await TeamAsync(app);
        var partner = await PartnerAsync(t.Supervisor);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 401, ConsentPurpose.Protection));
        var body = new { version = await VersionAsync(t.Owner, id), partnerId = partner, service = "health", fields = new[] { "type", "needs" } };

        var refused = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/referrals", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Protection.ConsentMissing", await ProblemTypeAsync(refused));
        var ownOverride = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/referrals",
            new { body.version, body.partnerId, body.service, body.fields, consentOverrideReason = "urgent" });
        Assert.Equal("Protection.OverrideSupervisorOnly", await ProblemTypeAsync(ownOverride));

        var overridden = await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/referrals",
            new { body.version, body.partnerId, body.service, body.fields, consentOverrideReason = "medical emergency, guardian unreachable" });
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var referral = await overridden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(referral.GetProperty("consentOverridden").GetBoolean());
        await using var scope = FoodSeed.Everything(app, out var db);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "case.consent.override" && e.EntityId == id.ToString());
        Assert.StartsWith($"user:{t.Supervisor.Id} ", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("DataSharing", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("guardian", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_with_consent_shares_exactly_the_chosen_fields_and_moves_through_its_states()
    {
        var t = await TeamAsync(app);
        var partner = await PartnerAsync(t.Supervisor);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 402, ConsentPurpose.Protection, ConsentPurpose.DataSharing));
        async Task<JsonElement> Refer(string service)
        {
            var response = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/referrals",
                new { version = await VersionAsync(t.Owner, id), partnerId = partner, service, fields = new[] { "type", "risk" } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        Task<HttpResponseMessage> Step(JsonElement r, object body) => t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/referrals/{r.GetProperty("id").GetGuid()}/steps", body);

        var first = await Refer("health");
        Assert.Equal("InProgress", first.GetProperty("status").GetString());
        Assert.Equal(["risk", "type"], first.GetProperty("shared").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("High", first.GetProperty("shared").GetProperty("risk").GetString());
        Assert.DoesNotContain("neighbour", first.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Step(first, new { step = "Done" })).StatusCode);
        Assert.Equal("Accepted", (await (await Step(first, new { step = "Accept" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("Done", (await (await Step(first, new { step = "Done" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Step(first, new { step = "Revoke" })).StatusCode);

        var second = await Refer("legal");
        Assert.Equal(HttpStatusCode.BadRequest, (await Step(second, new { step = "Reject" })).StatusCode);
        var rejected = await (await Step(second, new { step = "Reject", reason = "no lawyer this month" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("no lawyer this month", rejected.GetProperty("rejectionReason").GetString());

        var third = await Refer("legal");
        Assert.Equal("Revoked", (await (await Step(third, new { step = "Revoke" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/referrals",
            new { version = await VersionAsync(t.Owner, id), partnerId = partner, service = "shelter", fields = new[] { "type" } })).StatusCode);

        var list = await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/referrals");
        Assert.Equal(3, list.GetArrayLength());
        Assert.Equal("FollowUp", (await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}")).GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.GetAsync($"/api/v1/protection/cases/{id}/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.PostAsJsonAsync(
            $"/api/v1/protection/cases/{id}/referrals/{third.GetProperty("id").GetGuid()}/steps", new { step = "Revoke" })).StatusCode);
    }

    [Fact]
    public async Task A_transfer_needs_consent_and_moves_access_only_when_the_recipient_accepts()
    {
        var t = await TeamAsync(app);
        var withoutConsent = await OpenCaseAsync(t.Owner, await PersonAsync(app, 403, ConsentPurpose.DataSharing));
        var refused = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{withoutConsent}/transfers", new { version = await VersionAsync(t.Owner, withoutConsent), toId = t.Colleague.Id });
        Assert.Equal("Protection.ConsentMissing", await ProblemTypeAsync(refused));

        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 404, ConsentPurpose.Protection));
        Assert.Equal(HttpStatusCode.NotFound, (await t.Colleague.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        var offered = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/transfers", new { version = await VersionAsync(t.Owner, id), toId = t.Colleague.Id, reason = "speaks Uyghur" });
        Assert.Equal(HttpStatusCode.Created, offered.StatusCode);
        var transfer = (await offered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await t.Colleague.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Owner.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/transfers/{transfer}/answer", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/transfers/{transfer}/answer", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Colleague.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/transfers/{transfer}/answer", new { accept = true })).StatusCode);

        var now = await t.Colleague.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}");
        Assert.Equal(t.Colleague.Id, now.GetProperty("ownerId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await t.Owner.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.Owner.Client.GetAsync($"/api/v1/protection/cases/{id}/transfers")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Supervisor.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_rejected_transfer_needs_a_reason_and_leaves_the_recipient_without_access()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 405, ConsentPurpose.Protection), "Gbv");
        var offered = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/transfers", new { version = await VersionAsync(t.Owner, id), toId = t.Colleague.Id });
        var transfer = (await offered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var answer = $"/api/v1/protection/cases/{id}/transfers/{transfer}/answer";

        Assert.Equal(HttpStatusCode.BadRequest, (await t.Colleague.Client.PostAsJsonAsync(answer, new { accept = false })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Colleague.Client.PostAsJsonAsync(answer, new { accept = false, reason = "caseload full" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.Colleague.Client.GetAsync($"/api/v1/protection/cases/{id}")).StatusCode);
        var history = await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/transfers");
        Assert.Equal("Rejected", history[0].GetProperty("status").GetString());
        Assert.Equal("caseload full", history[0].GetProperty("rejectionReason").GetString());
        Assert.Equal(t.Owner.Id, (await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}")).GetProperty("ownerId").GetString());
    }

    [Fact]
    public async Task Only_a_supervisor_keeps_the_partner_directory_every_case_worker_reads_it()
    {
        var t = await TeamAsync(app);
        var refused = await t.Owner.Client.PostAsJsonAsync("/api/v1/protection/partners", new { name = FoodSeed.NewCode("P "), services = new[] { "health" } });
        Assert.Equal("Protection.SupervisorOnly", await ProblemTypeAsync(refused));
        var partner = await PartnerAsync(t.Supervisor);
        var updated = await t.Supervisor.Client.PutAsJsonAsync($"/api/v1/protection/partners/{partner}", new { name = FoodSeed.NewCode("Renamed "), services = new[] { "Shelter", "health" }, active = true });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var seen = await t.OtherTeam.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/partners/{partner}");
        Assert.Equal(["shelter", "health"], seen.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await t.Supervisor.Client.PutAsJsonAsync("/api/v1/protection/partners/999999", new { name = "x", services = new[] { "health" } })).StatusCode);
    }
}

public sealed class SqliteReferralTests(SqliteApp app) : ReferralTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReferralTests(PostgresApp app) : ReferralTests(app), IClassFixture<PostgresApp>;
