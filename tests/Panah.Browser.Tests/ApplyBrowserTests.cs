using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Education;
using Panah.Data.Staff;
using Panah.Web.Tests.Education;

namespace Panah.Browser.Tests;

/// <summary>A coordinator on a phone takes an application: finds the household by its code, picks the applicant, records consent, applies.</summary>
public sealed class ApplyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coordinator_records_an_application_with_consent_on_a_phone()
    {
        var person = (await ClassesSeed.PeopleAsync(fixture.App, "KAY", 1, educationConsent: false, seed: 500))[0];
        string code;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
            code = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().People.Where(p => p.Id == person).Select(p => p.Household!.Code).SingleAsync();
        }
        var page = await fixture.SignInAsync(Roles.EducationCoordinator);

        await page.GotoAsync(fixture.BaseUrl + "/Education");
        await page.ClickAsync("#apply");
        await page.FillAsync("#Form_HouseholdCode", code.ToLowerInvariant());
        await page.ClickAsync("#find");
        await page.WaitForSelectorAsync($"#applicant-{person}");
        Assert.Equal(1, await page.Locator(".consent-no").CountAsync());
        await page.CheckAsync($"#applicant-{person}");
        await page.CheckAsync("#Form_Beginner");
        await page.CheckAsync("#Form_ResidencePermitNeedsTurkish");
        await page.CheckAsync("#Form_ConsentGivenNow");
        await page.ClickAsync("#apply");
        await page.WaitForSelectorAsync("#applied");

        Assert.Contains("Application recorded for level A1", await page.InnerTextAsync("#applied"));
        Assert.Equal(1, await page.Locator(".consent-yes").CountAsync());
        var problems = new List<string>();
        await LayoutTests.CheckAsync(page, "the application page at 390 px", problems);
        Assert.Empty(problems);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "education-apply.png"), FullPage = true });
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
            var application = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().ClassApplications.AsNoTracking().SingleAsync(a => a.PersonId == person);
            Assert.True(application.ResidencePermitNeedsTurkish);
            Assert.Equal(ApplicationStatus.Waiting, application.Status);
        }
        await page.Context.CloseAsync();
    }
}
