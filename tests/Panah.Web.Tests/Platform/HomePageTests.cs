using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Platform;

/// <summary>A role with no page yet is told what is coming and who can give access, instead of meeting an empty menu.</summary>
public sealed class HomePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<string> HomeAsync(string role, string culture = "en")
    {
        var client = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(role));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return await client.GetStringAsync("/");
    }

    // A distribution clerk now opens households (the clerk's view): only the teacher has no page yet.
    [Theory]
    [InlineData(Roles.Teacher, "Classes are coming")]
    public async Task A_role_without_pages_reads_what_is_coming_and_whom_to_ask(string role, string coming)
    {
        var html = await HomeAsync(role);
        Assert.Contains("id=\"nothing-yet\"", html);
        Assert.Contains(coming, html);
        Assert.Contains("ask your administrator", html);
        Assert.DoesNotContain("Use the menu", html);
    }

    [Fact]
    public async Task The_explanation_is_translated()
    {
        Assert.Contains("yöneticinize", await HomeAsync(Roles.Teacher, "tr"));
        Assert.Contains("باشقۇرغۇچىڭىز", await HomeAsync(Roles.Teacher, "ug"));
    }

    [Fact]
    public async Task A_role_with_a_menu_is_pointed_to_it()
    {
        var html = await HomeAsync(Roles.Administrator);
        Assert.Contains("Use the menu", html);
        Assert.DoesNotContain("nothing-yet", html);
    }
}
