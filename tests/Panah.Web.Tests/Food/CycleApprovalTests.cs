using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>
/// A cycle through its pages and the API: the preview counts the rule's households and people, generation makes one
/// entitlement per household by the arithmetic, the manager who generated may not approve, a second one does in one
/// step, an approved entitlement keeps its packs when the household grows (the change is a proposed adjustment), and the
/// API shows a clerk only their offices' entitlements.
/// </summary>
public abstract class CycleApprovalTests<TApp>(TApp app) where TApp : PanahApp
{
    private static string Details(TestCycle c) => $"/Food/Cycles/Details?id={c.Id}";

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, TestCycle cycle, string handler, Dictionary<string, string>? fields = null)
    {
        var form = fields ?? [];
        if (handler is "Generate" or "Approve")
        {
            form["version"] = (await cycle.VersionAsync(app)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var response = await Html.PostFormAsync(client, Details(cycle), form, $"/Food/Cycles/Details?handler={handler}&id={cycle.Id}");
        return handler == "Generate" && response.StatusCode == System.Net.HttpStatusCode.Redirect ? await GeneratedAsync(client, cycle) : response;
    }

    /// <summary>Generation runs in the background: the cycle page once it no longer shows the generation under way.</summary>
    private static async Task<HttpResponseMessage> GeneratedAsync(HttpClient client, TestCycle cycle)
    {
        for (var i = 0; i < 600; i++)
        {
            var page = await client.GetAsync(Details(cycle));
            if (!(await page.Content.ReadAsStringAsync()).Contains("id=\"generation-progress\"", StringComparison.Ordinal))
            {
                return page;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("The generation did not finish.");
    }

    [Fact]
    public async Task The_preview_counts_the_households_and_people_the_rule_selects_before_anything_is_generated()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "KAY");
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var people = cycle.Households.Sum(h => h.Members);

        var preview = await Html.PostFormAsync(manager, "/Food/Cycles/Edit", new Dictionary<string, string> { ["Input.Districts"] = cycle.District }, "/Food/Cycles/Edit?handler=Preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"This rule selects 3 households, {people} people.", await preview.Content.ReadAsStringAsync());
        var narrowed = await Html.PostFormAsync(manager, "/Food/Cycles/Edit",
            new Dictionary<string, string> { ["Input.Districts"] = cycle.District, ["Input.FieldOffices"] = "IST" }, "/Food/Cycles/Edit?handler=Preview");
        Assert.Contains($"This rule selects 1 households, {cycle.Households[1].Members} people.", await narrowed.Content.ReadAsStringAsync());
        Assert.Empty(await cycle.EntitlementsAsync(app));
    }

    [Fact]
    public async Task The_generator_may_not_approve_and_a_second_manager_approves_every_entitlement_at_once()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "SEF");
        var generator = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var approver = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));

        var generated = await PostAsync(generator, cycle, "Generate");
        Assert.Contains($"Generated entitlements for 3 households, {cycle.Households.Sum(h => h.Members)} people.", await generated.Content.ReadAsStringAsync());
        // Generating again replaces the drafts rather than adding to them.
        await PostAsync(generator, cycle, "Generate");
        var drafts = await cycle.EntitlementsAsync(app);
        Assert.Equal(cycle.Households.Select(h => h.Id).Order(), drafts.Select(e => e.HouseholdId).Order());
        Assert.All(drafts, e => Assert.Equal(EntitlementStatus.Draft, e.Status));
        foreach (var h in cycle.Households)
        {
            var item = Assert.Single(drafts.Single(e => e.HouseholdId == h.Id).Items);
            Assert.Equal((cycle.CommodityId, TestCycle.Sacks(h.Members)), (item.CommodityId, item.Packs));
        }

        var page = await (await generator.GetAsync(Details(cycle))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"approve-by-other\"", page);
        Assert.DoesNotContain("id=\"approve\"", page);
        var refused = await PostAsync(generator, cycle, "Approve");
        Assert.Contains("You generated these entitlements, so another programme manager must approve them.", await refused.Content.ReadAsStringAsync());
        Assert.All(await cycle.EntitlementsAsync(app), e => Assert.Equal(EntitlementStatus.Draft, e.Status));

        var totals = await (await approver.GetAsync(Details(cycle))).Content.ReadAsStringAsync();
        var sacks = cycle.Households.Sum(h => TestCycle.Sacks(h.Members));
        Assert.Contains($"{sacks} × 25 kg sack", totals);
        Assert.Contains((sacks * 25 / 1000.0).ToString("N3", System.Globalization.CultureInfo.InvariantCulture), totals);
        var approved = await PostAsync(approver, cycle, "Approve");
        Assert.Contains("Approved 3 entitlements.", await approved.Content.ReadAsStringAsync());
        Assert.All(await cycle.EntitlementsAsync(app), e => Assert.Equal(EntitlementStatus.Approved, e.Status));
        // Approved is final for generation: a new generation is refused.
        var again = await PostAsync(generator, cycle, "Generate");
        var body = await again.Content.ReadAsStringAsync();
        Assert.True(body.Contains("An approved or closed cycle cannot be changed or generated again.", StringComparison.Ordinal), $"{(int)again.StatusCode}: {System.Text.RegularExpressions.Regex.Match(body, "<main[\\s\\S]{0,3000}").Value}");
    }

    [Fact]
    public async Task An_approved_entitlement_does_not_change_when_its_household_does_the_change_is_a_proposed_adjustment()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY");
        var household = cycle.Households[0];
        await PostAsync(await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager)), cycle, "Generate");
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        await PostAsync(manager, cycle, "Approve");
        var entitlement = Assert.Single(await cycle.EntitlementsAsync(app));
        var api = await app.ClientForRoleAsync(Roles.ProgrammeManager);

        for (var i = 0; i < 5; i++)
        {
            await TestCycle.AddMemberAsync(app, household.Id);
        }
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/food/entitlements/{entitlement.Id}");
        Assert.Equal(household.Members, after.GetProperty("members").GetInt32());
        Assert.Equal(TestCycle.Sacks(household.Members), after.GetProperty("items")[0].GetProperty("packs").GetInt32());
        Assert.Equal("approved", after.GetProperty("status").GetString());

        var checkedPage = await (await PostAsync(manager, cycle, "Check")).Content.ReadAsStringAsync();
        Assert.Contains("1 adjustments proposed.", checkedPage);
        Assert.Contains($"{household.Members} → {household.Members + 5}", checkedPage);
        // Checking again proposes nothing new while one waits.
        Assert.Contains("0 adjustments proposed.", await (await PostAsync(manager, cycle, "Check")).Content.ReadAsStringAsync());
        Assert.Equal(household.Members, Assert.Single(await cycle.EntitlementsAsync(app)).Members);

        Guid adjustment;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test inspection");
            adjustment = (await scope.ServiceProvider.GetRequiredService<EntitlementLifecycle>().ProposedAsync(cycle.Id)).Single().Id;
        }
        var accepted = await PostAsync(manager, cycle, "Decide", new Dictionary<string, string> { ["adjustment"] = adjustment.ToString(), ["accept"] = "true" });
        Assert.Contains("Adjustment accepted.", await accepted.Content.ReadAsStringAsync());
        var changed = Assert.Single(await cycle.EntitlementsAsync(app));
        Assert.Equal(household.Members + 5, changed.Members);
        Assert.Equal(TestCycle.Sacks(household.Members + 5), Assert.Single(changed.Items).Packs);
    }

    [Fact]
    public async Task A_clerk_lists_the_approved_entitlements_of_their_own_offices_page_by_page()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "KAY");
        await PostAsync(await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager)), cycle, "Generate");
        await PostAsync(await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager)), cycle, "Approve");
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/food/entitlements?status=approved&cycleId={cycle.Id}&pageSize=1" + (next is null ? "" : "&after=" + next));
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                Assert.Equal(JsonValueKind.Null, item.GetProperty("cardNumber").ValueKind);
                Assert.Equal("approved", item.GetProperty("status").GetString());
                seen.Add(item.GetProperty("householdCode").GetString()!);
            }
            next = page.GetProperty("next").GetString();
        }
        while (next is not null);
        Assert.Equal(2, seen.Count);
        var ist = (await cycle.EntitlementsAsync(app)).Single(e => e.HouseholdId == cycle.Households[1].Id);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/food/entitlements/{ist.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/v1/food/entitlements?status=eaten")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync($"/api/v1/food/entitlements?status=draft&cycleId={cycle.Id}&after=forged")).StatusCode);
    }

    [Fact]
    public async Task Closing_a_cycle_or_its_end_passing_expires_what_is_still_due()
    {
        var ended = await TestCycle.CreateAsync(app, "KAY");
        await PostAsync(await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager)), ended, "Generate");
        var manager = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        await PostAsync(manager, ended, "Approve");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var lifecycle = scope.ServiceProvider.GetRequiredService<EntitlementLifecycle>();
            Assert.Equal(0, await lifecycle.ExpireEndedAsync(new DateOnly(2026, 12, 30)));
            Assert.True(await lifecycle.ExpireEndedAsync(new DateOnly(2026, 12, 31)) >= 1);
        }
        var expired = Assert.Single(await ended.EntitlementsAsync(app));
        Assert.Equal((EntitlementStatus.Expired, EntitlementLifecycle.CycleEndedReason), (expired.Status, expired.StatusReason));

        var closing = await TestCycle.CreateAsync(app, "IST");
        await PostAsync(await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager)), closing, "Generate");
        await PostAsync(manager, closing, "Approve");
        Assert.Contains("Cycle closed; 1 entitlements expired.", await (await PostAsync(manager, closing, "Close")).Content.ReadAsStringAsync());
        Assert.Equal(EntitlementStatus.Expired, Assert.Single(await closing.EntitlementsAsync(app)).Status);
    }
}

public sealed class SqliteCycleApprovalTests(SqliteApp app) : CycleApprovalTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresCycleApprovalTests(PostgresApp app) : CycleApprovalTests<PostgresApp>(app), IClassFixture<PostgresApp>;
