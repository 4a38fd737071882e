using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data.Matching;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;
using static Panah.Web.Tests.Referrals.ReferralSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>
/// Family tracing through HTTP: a child's mother registered in Latin script in another office is found from a request
/// typed in Uyghur Arabic script; the case worker sees only a strength until the supervisor approves the reveal, and
/// then the household's code and office; another team does not find the request.
/// </summary>
public abstract class TracingTests(PanahApp app)
{
    /// <summary>The mother, registered in Istanbul by an officer there (the KAY case worker does not see that household).</summary>
    private async Task<(Guid Person, string Household)> MotherAsync()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        var mother = RegistryRequests.Person("Gülnar", "Tursun", sex: "female", birthDate: "1988-02-14");
        mother["name"]!["father"] = "Qeyyumjan";
        mother.Remove("spellings");
        var response = await officer.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Zeytinburnu", mother));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("members")[0].GetProperty("id").GetGuid(), body.GetProperty("code").GetString()!);
    }

    /// <summary>The registry's match index is built at start-up; a probe before that finds nothing by design.</summary>
    private void IndexReady() =>
        Assert.True(SpinWait.SpinUntil(() => app.Services.GetRequiredService<RegistryMatchIndex>().IsReady, TimeSpan.FromSeconds(120)), "the match index was not built");

    [Fact]
    public async Task A_mother_registered_in_Latin_script_is_found_from_Arabic_script_and_revealed_only_after_approval()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 901, ConsentPurpose.Protection));
        var (motherId, household) = await MotherAsync();
        IndexReady();

        var opened = await t.Owner.Client.PostAsJsonAsync("/api/v1/protection/tracing/", new
        {
            caseId = id, version = await VersionAsync(t.Owner, id), given = "گۈلنار", family = "تۇرسۇن", father = "قەييۇمجان", relation = "mother", lastKnownPlace = "Ürümqi",
        });
        var text = await opened.Content.ReadAsStringAsync();
        Assert.True(opened.StatusCode == HttpStatusCode.Created, text);
        // Only strengths: neither the person's id nor their household's code is in the answer.
        Assert.DoesNotContain(motherId.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(household, text, StringComparison.Ordinal);
        var request = JsonDocument.Parse(text).RootElement;
        var requestId = request.GetProperty("id").GetGuid();
        var best = request.GetProperty("matches")[0];
        Assert.True(best.GetProperty("strength").GetString() is "Strong", $"{best.GetProperty("probability").GetDouble()} {text}");
        Assert.Equal(JsonValueKind.Null, best.GetProperty("contact").ValueKind);
        var matchId = best.GetProperty("id").GetGuid();

        var early = await t.Owner.Client.GetAsync($"/api/v1/protection/tracing/{requestId}/matches/{matchId}/contact");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("ProtectionCase.TracingRevealNotApproved", await ProblemTypeAsync(early));

        var asked = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/tracing/{requestId}/matches/{matchId}/reveal", new { version = await VersionAsync(t.Owner, id), comment = "the child names her" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var approval = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.True((await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/tracing/{requestId}")).GetProperty("matches")[0].GetProperty("revealPending").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approval}/decision", new { approve = true })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Owner.Client.GetAsync($"/api/v1/protection/tracing/{requestId}/matches/{matchId}/contact")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/approvals/{approval}/decision", new { approve = true, comment = "go ahead" })).StatusCode);
        var contact = await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/tracing/{requestId}/matches/{matchId}/contact");
        Assert.Equal(household, contact.GetProperty("householdCode").GetString());
        Assert.Equal("IST", contact.GetProperty("officeCode").GetString());

        await using var scope = FoodSeed.Everything(app, out var db);
        var audited = await db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Contains("case.tracing.open", audited);
        Assert.Contains("case.tracing.reveal", audited);
        // The names sought are sealed: the Arabic-script given name is nowhere in clear.
        var sealedRows = await db.TracingRequests.Where(r => r.CaseId == id).Select(r => r.Sealed).ToListAsync();
        Assert.DoesNotContain(sealedRows, b => System.Text.Encoding.UTF8.GetString(b).Contains("گۈلنار", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Searching_again_finds_a_relative_registered_since_keeps_the_match_and_is_audited()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 903, ConsentPurpose.Protection));
        IndexReady();
        var opened = await t.Owner.Client.PostAsJsonAsync("/api/v1/protection/tracing/", new
        {
            caseId = id, version = await VersionAsync(t.Owner, id), given = "Meryemgül", family = "Abdurehim", father = "Tursunjan", relation = "aunt",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var requestId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        static List<string> Strong(JsonElement request) =>
            request.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("strength").GetString() == "Strong").Select(m => m.GetProperty("id").GetString()!).ToList();
        Assert.Empty(Strong(await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/tracing/{requestId}")));

        // The aunt is registered in Istanbul after the request was opened.
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        var aunt = RegistryRequests.Person("Meryemgül", "Abdurehim", sex: "female", birthDate: "1979-06-02");
        aunt["name"]!["father"] = "Tursunjan";
        aunt.Remove("spellings");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Zeytinburnu", aunt))).StatusCode);

        var version = await VersionAsync(t.Owner, id);
        var body = new { caseId = id, version };
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.PostAsJsonAsync($"/api/v1/protection/tracing/{requestId}/search", body)).StatusCode);
        Assert.Equal("Protection.OwnerOnly", await ProblemTypeAsync(await t.Supervisor.Client.PostAsJsonAsync($"/api/v1/protection/tracing/{requestId}/search", body)));

        var searched = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/tracing/{requestId}/search", body);
        var text = await searched.Content.ReadAsStringAsync();
        Assert.True(searched.StatusCode == HttpStatusCode.OK, text);
        var found = Strong(JsonDocument.Parse(text).RootElement);
        Assert.Single(found);
        Assert.Equal(found, Strong(await t.Owner.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/tracing/{requestId}")));

        // The version read before is stale now; at the new one, the same person keeps the same match.
        Assert.Equal(HttpStatusCode.Conflict, (await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/tracing/{requestId}/search", body)).StatusCode);
        var again = await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/tracing/{requestId}/search", new { caseId = id, version = await VersionAsync(t.Owner, id) });
        Assert.Equal(found, Strong(await again.Content.ReadFromJsonAsync<JsonElement>()));

        await using var scope = FoodSeed.Everything(app, out var db);
        var audited = await db.AuditEntries.Where(e => e.EntityId == id.ToString() && e.Action == "case.tracing.search").Select(e => e.Detail).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.All(audited, d => Assert.DoesNotContain("Meryemgül", d ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_team_does_not_find_the_request_and_only_the_owner_opens_one()
    {
        var t = await TeamAsync(app);
        var id = await OpenCaseAsync(t.Owner, await PersonAsync(app, 902, ConsentPurpose.Protection));
        var version = await VersionAsync(t.Owner, id);
        var body = new { caseId = id, version, given = "Ahmet", family = "Nobody", relation = "father" };

        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.PostAsJsonAsync("/api/v1/protection/tracing/", body)).StatusCode);
        Assert.Equal("Protection.OwnerOnly", await ProblemTypeAsync(await t.Supervisor.Client.PostAsJsonAsync("/api/v1/protection/tracing/", body)));
        Assert.Equal("ProtectionCase.TracingInvalid", await ProblemTypeAsync(await t.Owner.Client.PostAsJsonAsync("/api/v1/protection/tracing/", new { caseId = id, version, given = "Ahmet" })));

        var opened = await t.Owner.Client.PostAsJsonAsync("/api/v1/protection/tracing/", body);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var requestId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Client.GetAsync($"/api/v1/protection/tracing/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Supervisor.Client.GetAsync($"/api/v1/protection/tracing/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await t.Owner.Client.PostAsJsonAsync("/api/v1/protection/tracing/", body)).StatusCode);
    }
}

public sealed class SqliteTracingTests(SqliteApp app) : TracingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresTracingTests(PostgresApp app) : TracingTests(app), IClassFixture<PostgresApp>;
