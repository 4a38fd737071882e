using System.Net;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The data protection officer's home page, its menu entry and the start page's pointer to it.</summary>
public sealed class DataProtectionHomeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("en", "Data protection", "Retention and legal holds")]
    [InlineData("tr", "Veri koruma", "Saklama süreleri ve yasal saklama")]
    [InlineData("ug", "ئۇچۇر قوغداش", "ساقلاش مۇددىتى ۋە قانۇنىي ساقلاپ قېلىش")]
    public async Task The_officer_finds_every_duty_from_the_menu_and_the_start_page(string culture, string title, string retention)
    {
        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer));
        session.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        var start = await session.GetStringAsync("/");
        Assert.Contains("<a class=\"nav-link\" href=\"/DataProtection\">" + title + "</a>", start);
        Assert.Contains("id=\"home-data-protection\"", start);

        var home = await session.GetAsync("/DataProtection");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        foreach (var path in new[] { "/DataProtection/SubjectAccess", "/DataProtection/Audit", "/DataProtection/Alerts", "/DataProtection/Budgets", "/DataProtection/Erasure", "/DataProtection/Retention" })
        {
            Assert.Contains($"href=\"{path}\"", html);
        }
        Assert.Contains(retention, html);
    }

    [Fact]
    public async Task Other_roles_have_no_menu_entry_and_no_page()
    {
        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        Assert.DoesNotContain("href=\"/DataProtection\"", await session.GetStringAsync("/"));
        var refused = await session.GetAsync("/DataProtection");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.PathAndQuery);
    }
}
