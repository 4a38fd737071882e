using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>The same edges through the pages: refused characters next to their field, names isolated when shown.</summary>
public abstract class InputEdgePageTests(PanahApp app)
{
    private static string Near(string html, string marker) =>
        html.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0 ? html.Substring(at, Math.Min(400, html.Length - at)) : "";

    [Fact]
    public async Task A_bidi_override_typed_in_the_registration_form_is_refused_next_to_the_field()
    {
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var form = new Dictionary<string, string>
        {
            ["Input.FieldOffice"] = "IST",
            ["Input.District"] = "Fatih",
            ["Input.Members[0].Name.Script"] = "ug-Latn",
            ["Input.Members[0].Name.Given"] = "Rahmi\u202Eelgnahs",
            ["Input.Members[0].Name.Family"] = "Tursun",
            ["Input.Members[0].Sex"] = "male",
            ["Input.Members[0].Relationship"] = "head",
            ["Input.Members[0].Consents[0].Purpose"] = "registration",
            ["Input.Members[0].Consents[0].GivenOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            ["Input.Members[0].Consents[0].NoticeVersion"] = "2026-1",
            ["ConfirmedNotDuplicates"] = "true",
        };
        var response = await Html.PostFormAsync(officer, "/Registry/Households/Register", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("invisible or control characters", Near(html, "id=\"m0-given-error\""));
    }

    [Fact]
    public async Task Names_are_shown_isolated_in_bdi_on_every_registry_page()
    {
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Bdi-" + Guid.NewGuid().ToString("N")[..6];
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household(district, RegistryRequests.Person("Rahmi", "Tursun")));
        var household = await created.Content.ReadFromJsonAsync<JsonElement>();
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));

        foreach (var url in new[] { $"/Registry/Households/Details/{household.GetProperty("id").GetGuid()}", $"/Registry/People?district={district}", $"/Registry/Households?district={district}" })
        {
            var html = await officer.GetStringAsync(url);
            Assert.Matches(new Regex("<bdi[^>]*>Rahmi Tursun</bdi>"), html);
            Assert.DoesNotMatch(new Regex("<span[^>]*>Rahmi Tursun</span>"), html);
        }
    }

    [Fact]
    public async Task A_staff_display_name_with_a_bidi_override_is_refused()
    {
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        var email = $"new-{Guid.NewGuid():N}@test.panah.invalid";
        var response = await Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Ayshem\u202Enimda",
            ["Input.Role"] = Roles.RegistrationOfficer,
        }, "/Admin/Users?handler=Create");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("invisible or control characters", html);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));
    }
}

public sealed class SqliteInputEdgePageTests(SqliteApp app) : InputEdgePageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInputEdgePageTests(PostgresApp app) : InputEdgePageTests(app), IClassFixture<PostgresApp>;
