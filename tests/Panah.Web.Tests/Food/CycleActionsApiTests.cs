using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Food.RedeemRequests;

namespace Panah.Web.Tests.Food;

/// <summary>
/// Generating and approving a cycle through the API with the pages' four-eyes rule (the generator is refused 403, a
/// stale version 409), both in the OpenAPI document; and cancelling an entitlement with a reason, by the API and on the
/// cycle page, refused once something was collected or it is cancelled already.
/// </summary>
public abstract class CycleActionsApiTests<TApp>(TApp app) where TApp : PanahApp
{
    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, TestCycle cycle, string action, long version) =>
        await client.PostAsJsonAsync($"/api/v1/food/cycles/{cycle.Id}/{action}", new { version });

    private async Task<TestCycle> ApprovedAsync(params string[] offices)
    {
        var cycle = await TestCycle.CreateAsync(app, offices);
        var generated = await JsonAsync(await ActAsync(await app.ClientForRoleAsync(Roles.ProgrammeManager), cycle, "generate", await cycle.VersionAsync(app)));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(await app.ClientForRoleAsync(Roles.ProgrammeManager), cycle, "approve", generated.GetProperty("version").GetInt64())).StatusCode);
        return cycle;
    }

    [Fact]
    public async Task The_api_generates_the_generator_may_not_approve_and_a_second_manager_approves_the_version_they_saw()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "SEF");
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var generator = await StaffSession.SignInAsync(app, staff);
        var approver = await app.ClientForRoleAsync(Roles.ProgrammeManager);

        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(generator, cycle, "generate", await cycle.VersionAsync(app) + 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(approver, cycle, "approve", await cycle.VersionAsync(app))).StatusCode);
        var generated = await ActAsync(generator, cycle, "generate", await cycle.VersionAsync(app));
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var made = await JsonAsync(generated);
        Assert.Equal((3, cycle.Households.Sum(h => h.Members)), (made.GetProperty("households").GetInt32(), made.GetProperty("people").GetInt32()));
        var version = made.GetProperty("version").GetInt64();
        Assert.Equal(await cycle.VersionAsync(app), version);
        Assert.All(await cycle.EntitlementsAsync(app), e => Assert.Equal(EntitlementStatus.Draft, e.Status));

        // The same person is refused whether they come back by session or with a token of their own.
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(generator, cycle, "approve", version)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
            Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(app.ClientWithToken(secret), cycle, "approve", version)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(approver, cycle, "approve", version - 1)).StatusCode);
        Assert.All(await cycle.EntitlementsAsync(app), e => Assert.Equal(EntitlementStatus.Draft, e.Status));

        var approved = await ActAsync(approver, cycle, "approve", version);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(3, (await JsonAsync(approved)).GetProperty("approved").GetInt32());
        Assert.All(await cycle.EntitlementsAsync(app), e => Assert.Equal(EntitlementStatus.Approved, e.Status));
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(generator, cycle, "generate", await cycle.VersionAsync(app))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await approver.PostAsJsonAsync("/api/v1/food/cycles/2147483647/approve", new { version = 1 })).StatusCode);

        var openApi = await (await approver.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        Assert.Contains("\"/api/v1/food/cycles/{id}/generate\"", openApi);
        Assert.Contains("\"/api/v1/food/cycles/{id}/approve\"", openApi);
        Assert.Contains("\"/api/v1/food/entitlements/{id}/cancel\"", openApi);
        Assert.Contains("\"/api/v1/food/households/{id}/collectors\"", openApi);
    }

    [Fact]
    public async Task The_api_cancels_an_approved_entitlement_with_a_reason_but_not_one_collected_from()
    {
        var cycle = await ApprovedAsync("KAY", "KAY");
        var entitlements = await cycle.EntitlementsAsync(app);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var url = $"/api/v1/food/entitlements/{entitlements[0].Id}/cancel";

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync(url, new { reason = " " })).StatusCode);
        var cancelled = await manager.PostAsJsonAsync(url, new { reason = "moved to another province" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var answer = await JsonAsync(cancelled);
        Assert.Equal(("cancelled", "moved to another province"), (answer.GetProperty("status").GetString(), answer.GetProperty("statusReason").GetString()));
        // The list says why too, and an entitlement still due has no reason.
        var listed = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/food/entitlements?cycleId={cycle.Id}");
        var reasons = listed.GetProperty("items").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetGuid(), e => e.GetProperty("statusReason").GetString());
        Assert.Equal("moved to another province", reasons[entitlements[0].Id]);
        Assert.Null(reasons[entitlements[1].Id]);
        var stored = (await cycle.EntitlementsAsync(app)).Single(e => e.Id == entitlements[0].Id);
        Assert.Equal((EntitlementStatus.Cancelled, "moved to another province"), (stored.Status, stored.StatusReason));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync(url, new { reason = "again" })).StatusCode);

        await RedeemSeed.ChangeAsync(app, async db =>
        {
            var item = await db.Set<EntitlementItem>().SingleAsync(i => i.EntitlementId == entitlements[1].Id);
            item.CollectedPacks = 1;
        });
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/v1/food/entitlements/{entitlements[1].Id}/cancel", new { reason = "duplicate" })).StatusCode);
        Assert.Equal(EntitlementStatus.Approved, (await cycle.EntitlementsAsync(app)).Single(e => e.Id == entitlements[1].Id).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/v1/food/entitlements/{Guid.NewGuid()}/cancel", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_cycle_generated_again_keeps_a_cancelled_draft_cancelled_and_regenerates_the_rest()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "KAY");
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(manager, cycle, "generate", await cycle.VersionAsync(app))).StatusCode);
        var first = (await cycle.EntitlementsAsync(app)).OrderBy(e => e.Id).First();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/food/entitlements/{first.Id}/cancel", new { reason = "left Turkey" })).StatusCode);

        var again = await ActAsync(manager, cycle, "generate", await cycle.VersionAsync(app));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await JsonAsync(again)).GetProperty("households").GetInt32());
        var now = await cycle.EntitlementsAsync(app);
        Assert.Equal(2, now.Count);
        Assert.Equal((EntitlementStatus.Cancelled, "left Turkey"), (now.Single(e => e.Id == first.Id).Status, now.Single(e => e.Id == first.Id).StatusReason));
        Assert.Equal(EntitlementStatus.Draft, now.Single(e => e.Id != first.Id).Status);
    }

    [Fact]
    public async Task A_cancellation_racing_a_collection_leaves_one_of_them_never_both()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        for (var round = 0; round < 5; round++)
        {
            var card = await seed.HouseholdAsync(app);
            var cancel = manager.PostAsJsonAsync($"/api/v1/food/entitlements/{card.EntitlementId}/cancel", new { reason = "moved away" });
            var collect = RedeemAsync(clerk, card, seed.Points["KAY"], NewKey(), items: [new { commodityId = card.Commodities[0], packs = 1 }]);
            var (cancelled, collected) = ((await cancel).StatusCode, (await collect).StatusCode);

            var e = (await StoredAsync(card.EntitlementId));
            var outcome = $"round {round}: cancel {(int)cancelled}, collect {(int)collected}, stored {e.Status} with {e.Collected} packs collected";
            Assert.True((cancelled == HttpStatusCode.OK) != (collected == HttpStatusCode.Created), outcome);
            Assert.True(cancelled == HttpStatusCode.OK ? e.Status == EntitlementStatus.Cancelled && e.Collected == 0 : e.Status == EntitlementStatus.Approved && e.Collected == 1, outcome);
        }
    }

    private async Task<(EntitlementStatus Status, int Collected)> StoredAsync(Guid entitlement)
    {
        var result = (EntitlementStatus.Draft, 0);
        await RedeemSeed.ChangeAsync(app, async db =>
        {
            var e = await db.Entitlements.AsNoTracking().Include(x => x.Items).SingleAsync(x => x.Id == entitlement);
            result = (e.Status, e.Items.Sum(i => i.CollectedPacks));
        });
        return result;
    }

    [Fact]
    public async Task A_manager_cancels_a_households_entitlement_on_the_cycle_page_and_the_totals_leave_it_out()
    {
        var cycle = await ApprovedAsync("KAY", "SEF");
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var details = $"/Food/Cycles/Details?id={cycle.Id}";
        var page = await (await manager.GetAsync(details)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"cancel-form\"", page);
        var code = await HouseholdCodeAsync(cycle.Households[0].Id);

        var noReason = await Html.PostFormAsync(manager, details, new Dictionary<string, string> { ["household"] = code, ["reason"] = "" }, $"/Food/Cycles/Details?handler=Cancel&id={cycle.Id}");
        Assert.Contains("Write a reason of at most 200 characters.", await noReason.Content.ReadAsStringAsync());
        var unknown = await Html.PostFormAsync(manager, details, new Dictionary<string, string> { ["household"] = "NO-SUCH", ["reason"] = "left" }, $"/Food/Cycles/Details?handler=Cancel&id={cycle.Id}");
        Assert.Contains("No household with this code has an entitlement in this cycle.", await unknown.Content.ReadAsStringAsync());

        var done = await (await Html.PostFormAsync(manager, details, new Dictionary<string, string> { ["household"] = code, ["reason"] = "left Turkey" }, $"/Food/Cycles/Details?handler=Cancel&id={cycle.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("Entitlement cancelled.", done);
        Assert.Contains($"1 households, {cycle.Households[1].Members} people", done);
        var stored = (await cycle.EntitlementsAsync(app)).Single(e => e.HouseholdId == cycle.Households[0].Id);
        Assert.Equal((EntitlementStatus.Cancelled, "left Turkey"), (stored.Status, stored.StatusReason));
    }

    [Fact]
    public async Task The_cycle_page_charts_the_tonnes_by_commodity_before_approval_from_a_script_file()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(await app.ClientForRoleAsync(Roles.ProgrammeManager), cycle, "generate", await cycle.VersionAsync(app))).StatusCode);
        var approver = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));

        var page = await (await approver.GetAsync($"/Food/Cycles/Details?id={cycle.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"tonnage-chart\"", page);
        var tonnes = JsonDocument.Parse(WebUtility.HtmlDecode(Regex.Match(page, "data-tonnes=\"([^\"]*)\"").Groups[1].Value)).RootElement;
        var sacks = cycle.Households.Sum(h => TestCycle.Sacks(h.Members));
        Assert.Equal(sacks * 25 / 1000m, Assert.Single(tonnes.EnumerateArray()).GetDecimal());
        var labels = JsonDocument.Parse(WebUtility.HtmlDecode(Regex.Match(page, "data-labels=\"([^\"]*)\"").Groups[1].Value)).RootElement;
        Assert.Equal("Maize meal " + cycle.District, Assert.Single(labels.EnumerateArray()).GetString());
        Assert.Matches("<script src=\"/js/cycle-tonnage.js\\?v=[^\"]+\" defer>", page);
        Assert.DoesNotMatch("<script>", page);
        var script = await approver.GetAsync("/js/cycle-tonnage.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("tonnage-chart", await script.Content.ReadAsStringAsync());
    }

    private async Task<string> HouseholdCodeAsync(Guid household)
    {
        var code = "";
        await RedeemSeed.ChangeAsync(app, async db => code = (await db.Households.SingleAsync(h => h.Id == household)).Code);
        return code;
    }
}

public sealed class SqliteCycleActionsApiTests(SqliteApp app) : CycleActionsApiTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresCycleActionsApiTests(PostgresApp app) : CycleActionsApiTests<PostgresApp>(app), IClassFixture<PostgresApp>;
