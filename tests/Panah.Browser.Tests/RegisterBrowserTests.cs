using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Panah.Core.Education;
using Panah.Data.Staff;
using Panah.Web.Tests.Education;
using Panah.Web.Tests.Food;

namespace Panah.Browser.Tests;

/// <summary>A teacher takes the register of a 20-learner section on a 390 × 844 phone: everyone starts present.</summary>
public sealed class RegisterBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_teacher_marks_twenty_learners_on_a_phone_with_one_tap_per_absent_learner_and_one_to_save()
    {
        var teacher = await fixture.App.CreateStaffAsync(Roles.Teacher, offices: ["KAY"]);
        var section = await LearningSeed.SectionAsync(fixture.App, "KAY", teacher.User.Id, learners: 20, held: 1, upcoming: 30, seed: 61);
        var page = await fixture.SignInAsync(teacher);

        await page.GotoAsync(fixture.BaseUrl + $"/Education/Register/{section.Id}");
        await page.WaitForSelectorAsync("#learners");

        Assert.Equal(20, await page.Locator("#learners li.learner").CountAsync());
        Assert.Equal(20, await page.Locator("#learners input[value='Present']:checked").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), "The register runs off the side of a 390 px screen.");
        var taps = 0;
        foreach (var absent in section.Enrolments.Take(2))
        {
            await page.ClickAsync($"li[data-enrolment='{absent}'] label[for$='-{(int)Attendance.Absent}']");
            taps++;
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "education-register.png"), FullPage = true });
        await page.ClickAsync("#save-register");
        taps++;
        await page.WaitForSelectorAsync("#flash");

        Assert.Equal(3, taps);
        Assert.Equal("Register saved: 20 learners, 2 absent.", await page.InnerTextAsync("#flash"));
        Assert.Equal(2, await page.Locator("#learners input[value='Absent']:checked").CountAsync());
        await using var scope = FoodSeed.Everything(fixture.App, out var db);
        var marks = await db.AttendanceMarks.Where(m => m.SectionId == section.Id).Select(m => new { m.EnrolmentId, m.Mark }).ToListAsync();
        Assert.Equal(20, marks.Count);
        Assert.Equal(section.Enrolments.Take(2).Order(), marks.Where(m => m.Mark == Attendance.Absent).Select(m => m.EnrolmentId).Order());
        await page.Context.CloseAsync();
    }
}
