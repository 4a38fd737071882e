using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Platform;

/// <summary>A role with pages is pointed to the menu; one with none would be told what is coming and who can give access.</summary>
public sealed class HomePageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<string> HomeAsync(string role, string culture = "en")
    {
        var client = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(role));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return await client.GetStringAsync("/");
    }

    // Every role now has pages of its own (the teacher got classes); the explanation is for an account whose role has none.
    [Theory]
    [InlineData(Roles.Teacher)]
    public async Task A_role_whose_part_has_come_is_pointed_to_the_menu_not_told_it_is_coming(string role)
    {
        var html = await HomeAsync(role);
        Assert.Contains("Use the menu", html);
        Assert.DoesNotContain("nothing-yet", html);
    }

    [Fact]
    public async Task A_role_with_a_menu_is_pointed_to_it()
    {
        var html = await HomeAsync(Roles.Administrator);
        Assert.Contains("Use the menu", html);
        Assert.DoesNotContain("nothing-yet", html);
    }
}
