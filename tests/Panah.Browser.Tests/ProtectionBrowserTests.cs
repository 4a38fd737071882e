using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Panah.Core.Access;
using Panah.Core.Registry;
using Panah.Data.Protection;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;

namespace Panah.Browser.Tests;

/// <summary>
/// A case worker on a phone opens a case for an unaccompanied child from the registry, records a Best Interests
/// Assessment, and the team's supervisor approves it.
/// </summary>
public sealed class ProtectionBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_case_worker_opens_a_case_for_an_unaccompanied_child_assesses_it_and_the_supervisor_approves()
    {
        var worker = await fixture.App.CreateStaffAsync(Roles.CaseWorker, offices: ["KAY"], programmes: [Programme.Protection]);
        var supervisor = await fixture.App.CreateStaffAsync(Roles.CaseWorker, offices: ["KAY"], programmes: [Programme.Protection]);
        var household = (await FoodSeed.HouseholdsAsync(fixture.App, 61, ["KAY"], minMembers: 2))[0];
        var child = household.Others[0];
        await using (var scope = FoodSeed.Everything(fixture.App, out var db))
        {
            var team = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = household.OfficeId, SupervisorId = supervisor.User.Id };
            db.ProtectionTeams.Add(team);
            await db.SaveChangesAsync();
            db.ProtectionTeamMembers.Add(new ProtectionTeamMember { TeamId = team.Id, StaffUserId = worker.User.Id });
            var person = await db.People.SingleAsync(p => p.Id == child);
            person.Vulnerabilities |= Vulnerability.UnaccompaniedChild;
            await db.SaveChangesAsync();
        }

        var page = await fixture.SignInAsync(worker);
        await page.GotoAsync(fixture.BaseUrl + $"/Registry/Households/Details/{household.Id}");
        await page.ClickAsync($"a.open-case[href*='{child}']");
        await page.WaitForSelectorAsync("#open-case-form");
        await page.SelectOptionAsync("select[name='Type']", "ChildUnaccompanied");
        await page.SelectOptionAsync("select[name='Risk']", "High");
        await page.ClickAsync("#open-case-submit");
        await page.WaitForSelectorAsync("#assessment-form");
        var caseUrl = page.Url;
        await page.FillAsync("textarea[name='Assessment.Needs']", "Shelter and schooling");
        await page.FillAsync("textarea[name='Assessment.Risks']", "Alone in Zeytinburnu");
        await page.FillAsync("textarea[name='Assessment.Strengths']", "Speaks some Turkish");
        await page.FillAsync("input[name='Assessment.CareArrangement']", "Foster family");
        await page.CheckAsync("input[name='Assessment.BestInterests']");
        await page.ClickAsync("#record-assessment");
        await page.WaitForSelectorAsync(".assessment");
        Assert.Equal("Requested", await page.GetAttributeAsync("#case-approvals .approval-status", "data-status"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "protection-case.png"), FullPage = true });
        await page.Context.CloseAsync();

        var approver = await fixture.SignInAsync(supervisor);
        await approver.GotoAsync(caseUrl);
        await approver.ClickAsync("#case-approvals button[id^='approve-']");
        await approver.WaitForSelectorAsync("#case-approvals .approval-status[data-status='Approved']");

        Assert.Equal(0, await approver.Locator("#case-approvals button[id^='approve-']").CountAsync());
        await approver.Context.CloseAsync();
    }
}
