using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Access;
using Panah.Core.Registry;
using Panah.Data.Protection;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Referrals.ReferralSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>A member of a KAY protection team signed in as a person would (cookie session), with a token client for checks.</summary>
public sealed record PageWorker(HttpClient Page, HttpClient Api, string Id);

public sealed record PageTeam(PageWorker Owner, PageWorker Supervisor, PageWorker OtherTeam);

/// <summary>
/// The case page's sections through the real forms (anti-forgery, cookie session): the owner adds a goal, records and
/// completes a service, refers with the consent tick and writes a note; another team gets 404; a stale version says so (409).
/// </summary>
public abstract partial class CasePageTests(PanahApp app)
{
    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("href=\"(/api/v1/protection/cases/[0-9a-f-]+/attachments/[0-9a-f-]+)\"")]
    private static partial Regex DownloadPattern();

    internal static async Task<PageWorker> PageWorkerAsync(PanahApp app)
    {
        var staff = await app.CreateStaffAsync(Roles.CaseWorker, offices: ["KAY"], programmes: [Programme.Protection]);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return new PageWorker(await StaffSession.SignInAsync(app, staff), app.ClientWithToken(secret), staff.User.Id);
    }

    internal static async Task<PageTeam> PageTeamAsync(PanahApp app)
    {
        var (owner, supervisor, other, otherSupervisor) = (await PageWorkerAsync(app), await PageWorkerAsync(app), await PageWorkerAsync(app), await PageWorkerAsync(app));
        await using var scope = FoodSeed.Everything(app, out var db);
        var office = await db.FieldOffices.Where(o => o.Code == "KAY").Select(o => o.Id).SingleAsync();
        var team = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = office, SupervisorId = supervisor.Id };
        var otherTeam = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = office, SupervisorId = otherSupervisor.Id };
        db.ProtectionTeams.AddRange(team, otherTeam);
        await db.SaveChangesAsync();
        db.ProtectionTeamMembers.AddRange(new ProtectionTeamMember { TeamId = team.Id, StaffUserId = owner.Id }, new ProtectionTeamMember { TeamId = otherTeam.Id, StaffUserId = other.Id });
        await db.SaveChangesAsync();
        return new PageTeam(owner, supervisor, other);
    }

    internal static async Task<Guid> OpenAsync(PageWorker owner, Guid person)
    {
        var response = await owner.Api.PostAsJsonAsync("/api/v1/protection/cases", new { personId = person, type = "ChildSeparated", risk = "High", summary = "lives with a neighbour" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Posts a form of the case page as the browser would: the token and the version from the page just read.</summary>
    internal static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string handler, Dictionary<string, string> fields, long? version = null)
    {
        var page = await client.GetAsync($"/Protection/Case/{id}");
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = Html.AntiforgeryToken(html) };
        form["Version"] = (version ?? long.Parse(VersionPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await client.PostAsync($"/Protection/Case/{id}?handler={handler}", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task The_owner_adds_a_goal_records_and_completes_a_service_and_writes_a_note_through_the_page()
    {
        var t = await PageTeamAsync(app);
        var id = await OpenAsync(t.Owner, await PersonAsync(app, 801, ConsentPurpose.Protection));

        var goal = await PostAsync(t.Owner.Page, id, "PlanItem", new() { ["Plan.Goal"] = "Reunite with the aunt", ["Plan.Who"] = "case worker", ["Plan.DueOn"] = "2026-12-20" });
        Assert.Equal(HttpStatusCode.Redirect, goal.StatusCode);
        Assert.Equal($"/Protection/Case/{id}#plan", goal.Headers.Location!.ToString());
        var plan = await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan");
        Assert.Equal("Reunite with the aunt", plan.GetProperty("items")[0].GetProperty("goal").GetString());
        Assert.Equal("2026-12-20", plan.GetProperty("items")[0].GetProperty("dueOn").GetString());

        var html = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Reunite with the aunt", html, StringComparison.Ordinal);
        var itemId = plan.GetProperty("items")[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "PlanDone", new() { ["ItemId"] = itemId })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "PlanApproval", new() { ["Comment"] = "ready" })).StatusCode);
        Assert.True((await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan")).GetProperty("approvalPending").GetBoolean());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "Service", new() { ["Service.Type"] = "psychosocial", ["Service.ProvidedOn"] = "2026-11-30", ["Service.Note"] = "first session" })).StatusCode);
        var service = (await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan")).GetProperty("services")[0];
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "ServiceDone", new() { ["ItemId"] = service.GetProperty("id").GetString()! })).StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan")).GetProperty("services")[0].GetProperty("completedAt").ValueKind);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "Note", new() { ["NoteText"] = "Met the aunt today" })).StatusCode);
        var notes = await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/notes");
        Assert.Equal("Met the aunt today", notes[0].GetProperty("text").GetString());

        // The whole page is one audited read of the case, whatever its sections.
        Assert.Equal(1, await ReadsDuringAsync(id, () => t.Owner.Page.GetAsync($"/Protection/Case/{id}")));
    }

    private async Task<int> AuditCountAsync(Guid id, string action)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == action);
    }

    private async Task<int> ReadsDuringAsync(Guid id, Func<Task<HttpResponseMessage>> action)
    {
        async Task<int> CountAsync()
        {
            await using var scope = FoodSeed.Everything(app, out var db);
            return await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == "case.read");
        }
        var before = await CountAsync();
        Assert.Equal(HttpStatusCode.OK, (await action()).StatusCode);
        return await CountAsync() - before;
    }

    [Fact]
    public async Task A_colleague_of_another_team_gets_404_and_a_stale_version_gets_409_with_the_message()
    {
        var t = await PageTeamAsync(app);
        var id = await OpenAsync(t.Owner, await PersonAsync(app, 802, ConsentPurpose.Protection));
        var version = await VersionAsync(new Referrals.Staffer(t.Owner.Api, t.Owner.Id), id);

        Assert.Equal(HttpStatusCode.NotFound, (await t.OtherTeam.Page.GetAsync($"/Protection/Case/{id}")).StatusCode);
        var foreign = await Html.PostFormAsync(t.OtherTeam.Page, "/Protection/Open", new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Plan.Goal"] = "Taken over" },
            postUrl: $"/Protection/Case/{id}?handler=PlanItem");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Empty((await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan")).GetProperty("items").EnumerateArray());

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "PlanItem", new() { ["Plan.Goal"] = "School enrolment" }, version)).StatusCode);
        var stale = await PostAsync(t.Owner.Page, id, "PlanItem", new() { ["Plan.Goal"] = "Safe housing" }, version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/plan")).GetProperty("items").EnumerateArray());

        // The supervisor reads the case but does not change the owner's plan: the store says why, on the page.
        var refused = await PostAsync(t.Supervisor.Page, id, "PlanItem", new() { ["Plan.Goal"] = "Overruled" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"case-message\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_needs_the_consent_tick_and_then_goes_to_the_partner_chosen()
    {
        var t = await PageTeamAsync(app);
        var id = await OpenAsync(t.Owner, await PersonAsync(app, 803, ConsentPurpose.Protection, ConsentPurpose.DataSharing));
        var partner = await PartnerAsync(new Referrals.Staffer(t.Supervisor.Api, t.Supervisor.Id));
        var fields = new Dictionary<string, string> { ["Referral.Choice"] = $"{partner}:legal", ["Referral.Fields"] = "type" };

        var unticked = await PostAsync(t.Owner.Page, id, "Refer", fields);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode);
        Assert.Contains("Tick that the person agreed", await unticked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/referrals")).EnumerateArray());

        fields["Referral.ConsentConfirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "Refer", fields)).StatusCode);
        var referral = (await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/referrals"))[0];
        Assert.Equal(partner, referral.GetProperty("partnerId").GetInt32());
        Assert.Equal("legal", referral.GetProperty("service").GetString());
        Assert.Equal("InProgress", referral.GetProperty("status").GetString());
        Assert.Contains("data-status=\"InProgress\"", await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_steps_referrals_on_through_the_page_and_no_one_else_does()
    {
        var t = await PageTeamAsync(app);
        var id = await OpenAsync(t.Owner, await PersonAsync(app, 805, ConsentPurpose.Protection, ConsentPurpose.DataSharing));
        var partner = await PartnerAsync(new Referrals.Staffer(t.Supervisor.Api, t.Supervisor.Id));
        var refer = new Dictionary<string, string> { ["Referral.Choice"] = $"{partner}:legal", ["Referral.Fields"] = "type", ["Referral.ConsentConfirmed"] = "true" };
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "Refer", refer)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "Refer", refer)).StatusCode);
        var ids = (await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/referrals")).EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        async Task<string> StatusAsync(string referral) =>
            (await t.Owner.Api.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/referrals")).EnumerateArray().Single(r => r.GetProperty("id").GetString() == referral).GetProperty("status").GetString()!;
        var page = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"referral-accept-{ids[0]}\"", page, StringComparison.Ordinal);

        // Another team does not find the case; the supervisor reads it but the step is the owner's.
        Assert.Equal(HttpStatusCode.NotFound, (await Html.PostFormAsync(t.OtherTeam.Page, "/Protection/Open", new Dictionary<string, string> { ["ItemId"] = ids[0], ["Step.Action"] = "Accept", ["Version"] = "3" },
            postUrl: $"/Protection/Case/{id}?handler=ReferralStep")).StatusCode);
        var supervised = await PostAsync(t.Supervisor.Page, id, "ReferralStep", new() { ["ItemId"] = ids[0], ["Step.Action"] = "Accept" });
        Assert.Equal(HttpStatusCode.OK, supervised.StatusCode);
        Assert.Contains("id=\"case-message\"", await supervised.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("InProgress", await StatusAsync(ids[0]));

        // A stale version says so; a rejection without its reason is refused with the store's message.
        var stale = await PostAsync(t.Owner.Page, id, "ReferralStep", new() { ["ItemId"] = ids[0], ["Step.Action"] = "Accept" }, version: 1);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unreasoned = await PostAsync(t.Owner.Page, id, "ReferralStep", new() { ["ItemId"] = ids[1], ["Step.Action"] = "Reject", ["Step.Reason"] = " " });
        Assert.Contains("A rejection needs a reason.", await unreasoned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var garbage = await PostAsync(t.Owner.Page, id, "ReferralStep", new() { ["ItemId"] = ids[1], ["Step.Action"] = "Teleport" });
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Contains("The referral cannot take this step", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("InProgress", await StatusAsync(ids[1]));

        var accepted = await PostAsync(t.Owner.Page, id, "ReferralStep", new() { ["ItemId"] = ids[0], ["Step.Action"] = "Accept" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/Protection/Case/{id}#referrals", accepted.Headers.Location!.ToString());
        Assert.Equal("Accepted", await StatusAsync(ids[0]));
        Assert.Contains($"id=\"referral-done-{ids[0]}\"", await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "ReferralStep", new() { ["ItemId"] = ids[0], ["Step.Action"] = "Done" })).StatusCode);
        Assert.Equal("Done", await StatusAsync(ids[0]));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "ReferralStep", new() { ["ItemId"] = ids[1], ["Step.Action"] = "Reject", ["Step.Reason"] = "no capacity this month" })).StatusCode);
        Assert.Equal("Rejected", await StatusAsync(ids[1]));

        page = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("no capacity this month", page, StringComparison.Ordinal);
        Assert.DoesNotContain("referral-steps", page, StringComparison.Ordinal);
        await using var scope = FoodSeed.Everything(app, out var db);
        var audited = await db.AuditEntries.Where(e => e.EntityId == id.ToString() && e.Action.StartsWith("case.referral.")).Select(e => e.Action).ToListAsync();
        Assert.Equal(["case.referral.accept", "case.referral.create", "case.referral.create", "case.referral.done", "case.referral.reject"], audited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_owner_searches_a_tracing_request_again_through_the_page()
    {
        var t = await PageTeamAsync(app);
        var id = await OpenAsync(t.Owner, await PersonAsync(app, 806, ConsentPurpose.Protection));
        Assert.True(SpinWait.SpinUntil(() => app.Services.GetRequiredService<Panah.Data.Matching.RegistryMatchIndex>().IsReady, TimeSpan.FromSeconds(120)), "the match index was not built");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(t.Owner.Page, id, "Tracing", new() { ["Tracing.Given"] = "Ablimit", ["Tracing.Family"] = "Nobodyknows", ["Tracing.Relation"] = "uncle" })).StatusCode);
        var opened = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        var requestId = Regex.Match(opened, "name=\"RequestId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var before = await AuditCountAsync(id, "case.tracing.search");

        Assert.Equal(HttpStatusCode.NotFound, (await Html.PostFormAsync(t.OtherTeam.Page, "/Protection/Open", new Dictionary<string, string> { ["RequestId"] = requestId, ["Version"] = "2" },
            postUrl: $"/Protection/Case/{id}?handler=TracingSearch")).StatusCode);
        var searched = await PostAsync(t.Owner.Page, id, "TracingSearch", new() { ["RequestId"] = requestId });
        Assert.Equal(HttpStatusCode.Redirect, searched.StatusCode);
        Assert.Equal($"/Protection/Case/{id}#tracing", searched.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await t.Owner.Api.GetAsync($"/api/v1/protection/tracing/{requestId}")).StatusCode);
        Assert.Equal(before + 1, await AuditCountAsync(id, "case.tracing.search"));
        var html = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("tracing-search-again", html, StringComparison.Ordinal);
        Assert.Contains("Registry searched", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attachment_uploaded_through_the_page_is_listed_and_downloads_uncached()
    {
        var t = await PageTeamAsync(app);
        var id = await OpenAsync(t.Owner, await PersonAsync(app, 804, ConsentPurpose.Protection));
        var html = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new ByteArrayContent(Photos.Encode(SkiaSharp.SKEncodedImageFormat.Png)), "upload", "school-letter.png" },
        };
        var uploaded = await t.Owner.Page.PostAsync($"/Protection/Case/{id}?handler=Attachment", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        var page = await (await t.Owner.Page.GetAsync($"/Protection/Case/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("school-letter.png", page, StringComparison.Ordinal);
        var link = DownloadPattern().Match(page).Groups[1].Value;
        Assert.StartsWith($"/api/v1/protection/cases/{id}/attachments/", link, StringComparison.Ordinal);
        var download = await t.Owner.Page.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl!.NoStore);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);

        using var refused = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()), "upload", "x.html" },
        };
        var bad = await t.Owner.Page.PostAsync($"/Protection/Case/{id}?handler=Attachment", refused);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"case-message\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_supervisor_keeps_the_partner_list_a_case_worker_reads_it()
    {
        var t = await PageTeamAsync(app);
        var name = FoodSeed.NewCode("Partner ");
        var added = await Html.PostFormAsync(t.Supervisor.Page, "/Protection/Partners", new Dictionary<string, string>
            { ["Form.Name"] = name, ["Form.Services"] = "health legal", ["Form.DeskEmail"] = "desk@partner.example", ["Form.Active"] = "true" }, "/Protection/Partners?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var list = await (await t.Owner.Page.GetAsync("/Protection/Partners")).Content.ReadAsStringAsync();
        Assert.Contains(name, list, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"partner-form\"", list, StringComparison.Ordinal);
        var refused = await Html.PostFormAsync(t.Owner.Page, "/Protection/Open", new Dictionary<string, string> { ["Form.Name"] = "Mine", ["Form.Services"] = "health" }, "/Protection/Partners?handler=Add");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"partners-message\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteCasePageTests(SqliteApp app) : CasePageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCasePageTests(PostgresApp app) : CasePageTests(app), IClassFixture<PostgresApp>;
