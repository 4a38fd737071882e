using Microsoft.Playwright;
using Panah.Data.Education;
using Panah.Data.Staff;
using Panah.Web.Tests.Education;

namespace Panah.Browser.Tests;

/// <summary>A coordinator on a phone opens a section's waitlist, sees who is first and why, and enrols them.</summary>
public sealed class WaitlistBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_coordinator_enrols_the_first_applicant_from_the_waitlist()
    {
        var section = await ClassesSeed.SectionAsync(fixture.App, "KAY", capacity: 3);
        var coordinator = await ClassesSeed.CoordinatorAsync(fixture.App);
        var people = await ClassesSeed.PeopleAsync(fixture.App, "KAY", 2, seed: 40);
        await ClassesSeed.ApplyAsync(coordinator, people[0]);
        var first = await ClassesSeed.ApplyAsync(coordinator, people[1], permit: true);
        var page = await fixture.SignInAsync(Roles.EducationCoordinator);

        await page.GotoAsync(fixture.BaseUrl + "/Education");
        await page.ClickAsync($"#waitlist-{section}");
        await page.WaitForSelectorAsync("#waitlist");
        Assert.Contains("Residence permit renewal +30", await page.InnerTextAsync("#waitlist tbody tr:first-child"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "education-waitlist.png"), FullPage = true });

        await page.ClickAsync("#enrol-1");
        await page.WaitForSelectorAsync("#flash");

        Assert.Equal("2 of 3 seats free.", await page.InnerTextAsync("#seats"));
        var seats = await ClassesSeed.SeatsAsync(fixture.App, section);
        Assert.Equal((first, EnrolmentStatus.Enrolled, (int?)1), seats.Single());
        Assert.Equal(1, await page.Locator("#waitlist tbody tr").CountAsync());
        await page.Context.CloseAsync();
    }
}
