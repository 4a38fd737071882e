using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Access;

/// <summary>The administrator sets a staff member's field offices and programmes on /Admin/Users, and the member's lists follow.</summary>
public abstract class AdminScopeTests(PanahApp app)
{
    [Fact]
    public async Task An_administrator_moves_an_officer_to_another_office_and_the_officers_next_list_shows_that_office_only()
    {
        var registrar = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var istanbul = await OfficeHouseholds.RegisterAsync(registrar, "IST", RegistryRequests.Person("Mehmet", "Tohti"), "Fatih");
        var kayseri = await OfficeHouseholds.RegisterAsync(registrar, "KAY", RegistryRequests.Person("Ablikim", "Yasin"));
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["IST"], programmes: []);
        var officer = await StaffSession.SignInAsync(app, staff);
        var before = await officer.GetStringAsync("/Registry/Households");
        Assert.Contains(istanbul.Code, before);
        Assert.DoesNotContain(kayseri.Code, before);

        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        var list = await admin.GetStringAsync("/Admin/Users");
        var row = Row(list, staff.Email);
        Assert.Matches("value=\"IST\" checked=\"checked\"", row);
        Assert.DoesNotMatch("value=\"KAY\" checked", row);

        var saved = await admin.PostAsync($"/Admin/Users?handler=Scope&id={staff.User.Id}", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Html.AntiforgeryToken(list)), new("offices", "KAY"), new("programmes", "Food"), new("programmes", "Education"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = Row(await admin.GetStringAsync("/Admin/Users"), staff.Email);
        Assert.Matches("value=\"KAY\" checked=\"checked\"", after);
        Assert.DoesNotMatch("value=\"IST\" checked", after);
        Assert.Matches("value=\"Food\" checked=\"checked\"", after);
        Assert.DoesNotMatch("value=\"Protection\" checked", after);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var kay = await db.FieldOffices.SingleAsync(o => o.Code == "KAY");
            var entry = await db.AuditEntries.SingleAsync(e => e.Action == "staff.scope" && e.EntityId == staff.User.Id);
            Assert.Equal($"offices={kay.Id} programmes=Food,Education", entry.Detail);
        }

        // The change ends the officer's session at its next request; signed in again, the list is Kayseri's.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Registry/Households")).StatusCode);
        var again = await StaffSession.SignInAsync(app, staff, stepsAhead: 1);
        var now = await again.GetStringAsync("/Registry/Households");
        Assert.Contains(kayseri.Code, now);
        Assert.DoesNotContain(istanbul.Code, now);
    }

    [Fact]
    public async Task An_unknown_office_or_programme_is_a_form_error_and_changes_nothing()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["IST"], programmes: []);
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        foreach (var (name, value) in new[] { ("offices", "XXX"), ("programmes", "cooking"), ("programmes", "1") })
        {
            var list = await admin.GetStringAsync("/Admin/Users");
            var refused = await admin.PostAsync($"/Admin/Users?handler=Scope&id={staff.User.Id}", new FormUrlEncodedContent(
            [
                new("__RequestVerificationToken", Html.AntiforgeryToken(list)), new("offices", "KAY"), new(name, value),
            ]));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("validation-summary-errors", html);
            Assert.Contains("from the list.", html);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var (offices, programmes) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ScopeOfAsync(staff.User.Id);
        Assert.Equal(["IST"], offices);
        Assert.Empty(programmes);
    }

    /// <summary>The table row of the account with <paramref name="email"/>.</summary>
    private static string Row(string html, string email)
    {
        var at = html.IndexOf($">{email}<", StringComparison.Ordinal);
        Assert.True(at > 0, $"{email} is not listed");
        return html[html.LastIndexOf("<tr>", at, StringComparison.Ordinal)..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}

public sealed class SqliteAdminScopeTests(SqliteApp app) : AdminScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminScopeTests(PostgresApp app) : AdminScopeTests(app), IClassFixture<PostgresApp>;
