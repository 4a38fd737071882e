using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Panah.Core.Access;
using Panah.Core.Registry;
using Panah.Data.Protection;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Referrals;

namespace Panah.Browser.Tests;

/// <summary>
/// A case worker on a 390 × 844 phone opens their case from the case list, adds a goal to its plan and refers it to a
/// partner (ticking that the person agreed), and the page never scrolls sideways.
/// </summary>
public sealed class CasePlanBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string NoSideways = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth";

    private async Task<HttpClient> TokenClientAsync(Panah.Web.Tests.Infrastructure.TestStaff staff)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return fixture.App.ClientWithToken(secret);
    }

    [Fact]
    public async Task A_case_worker_on_a_phone_adds_a_plan_goal_and_refers_the_case_to_a_partner()
    {
        var worker = await fixture.App.CreateStaffAsync(Roles.CaseWorker, offices: ["KAY"], programmes: [Programme.Protection]);
        var supervisor = await fixture.App.CreateStaffAsync(Roles.CaseWorker, offices: ["KAY"], programmes: [Programme.Protection]);
        var person = await ReferralSeed.PersonAsync(fixture.App, 71, ConsentPurpose.Protection, ConsentPurpose.DataSharing);
        await using (var scope = FoodSeed.Everything(fixture.App, out var db))
        {
            var team = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = await db.FieldOffices.Where(o => o.Code == "KAY").Select(o => o.Id).SingleAsync(), SupervisorId = supervisor.User.Id };
            db.ProtectionTeams.Add(team);
            await db.SaveChangesAsync();
            db.ProtectionTeamMembers.Add(new ProtectionTeamMember { TeamId = team.Id, StaffUserId = worker.User.Id });
            await db.SaveChangesAsync();
        }
        var opened = await (await TokenClientAsync(worker)).PostAsJsonAsync("/api/v1/protection/cases", new { personId = person, type = "ChildSeparated", risk = "High", summary = "lives with a neighbour" });
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var partnerName = FoodSeed.NewCode("Legal aid ");
        var partner = await (await TokenClientAsync(supervisor)).PostAsJsonAsync("/api/v1/protection/partners", new { name = partnerName, services = new[] { "legal", "health" }, deskEmail = "desk@partner.example" });
        var partnerId = (await partner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var page = await fixture.SignInAsync(worker);
        await page.GotoAsync(fixture.BaseUrl + "/Protection");
        await page.ClickAsync($"#cases a[href='/Protection/Case/{caseId}']");
        await page.WaitForSelectorAsync("#plan-form");
        Assert.False(await page.EvaluateAsync<bool>(NoSideways), "The case page runs off the side of a 390 px screen.");

        await page.FillAsync("input[name='Plan.Goal']", "Enrol in the neighbourhood school");
        await page.FillAsync("input[name='Plan.Action']", "Take the papers to the district office");
        await page.FillAsync("input[name='Plan.Who']", "Case worker with the guardian");
        await page.FillAsync("input[name='Plan.DueOn']", "2026-12-20");
        await page.ClickAsync("#add-goal");
        await page.WaitForSelectorAsync("#plan-items .plan-item");
        Assert.Contains("Enrol in the neighbourhood school", await page.InnerTextAsync("#plan-items"));

        await page.SelectOptionAsync("#referral-choice", $"{partnerId}:legal");
        await page.CheckAsync("input[name='Referral.Fields'][value='summary']");
        await page.CheckAsync("#referral-consent");
        await page.ClickAsync("#refer");
        await page.WaitForSelectorAsync("#referral-list .referral[data-status='InProgress']");
        Assert.Contains(partnerName, await page.InnerTextAsync("#referral-list"));
        Assert.Equal(0, await page.Locator("#case-message").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>(NoSideways), "The case page runs off the side of a 390 px screen after the referral.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "protection-case-plan.png"), FullPage = true });

        // The same page in Uyghur, right to left, on a 360 px phone.
        await page.SetViewportSizeAsync(360, 740);
        if (await page.IsVisibleAsync("#menu-toggle"))
        {
            await page.ClickAsync("#menu-toggle");
            await page.WaitForSelectorAsync("#main-menu.show");
        }
        await page.ClickAsync("#culture-form button[value='ug']");
        await page.WaitForSelectorAsync("html[lang='ug'][dir='rtl']");
        await page.GotoAsync(fixture.BaseUrl + $"/Protection/Case/{caseId}");
        await page.WaitForSelectorAsync("#plan-form");
        Assert.False(await page.EvaluateAsync<bool>(NoSideways), "The case page in Uyghur runs off the side of a 360 px screen.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "protection-case-plan-ug.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
