using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.DataProtection;

/// <summary>Rectification: the data protection officer corrects a record on the person's request, through the same edit page, audited.</summary>
public abstract partial class RectificationTests(PanahApp app)
{
    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    [Fact]
    public async Task The_officer_corrects_a_birth_date_and_the_audit_names_the_officer()
    {
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Mihrigul", "Tursun", sex: "female")));
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0].GetProperty("id").GetGuid();
        var officer = await app.CreateStaffAsync(Roles.DataProtectionOfficer);
        var session = await StaffSession.SignInAsync(app, officer);

        var page = await session.GetAsync($"/Registry/People/Edit/{person}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var version = VersionField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var saved = await Html.PostFormAsync(session, $"/Registry/People/Edit/{person}", new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Input.Name.Script"] = "ug-Latn",
            ["Input.Name.Given"] = "Mihrigul",
            ["Input.Name.Family"] = "Tursun",
            ["Input.Name.Father"] = "Memet",
            ["Input.Sex"] = "female",
            ["Input.BirthDate"] = "1987-11-30",
            ["Input.BirthDatePrecision"] = "exact",
            ["Input.Relationship"] = "head",
            ["Input.Consents[0].Purpose"] = "registration",
            ["Input.Consents[0].GivenOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Consents[0].NoticeVersion"] = "2026-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("1987-11-30", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}")).GetProperty("birthDate").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var update = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "person.update" && e.EntityId == person.ToString());
        Assert.Equal($"user:{officer.User.Id}", update.Actor);
    }
}

public sealed class SqliteRectificationTests(SqliteApp app) : RectificationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRectificationTests(PostgresApp app) : RectificationTests(app), IClassFixture<PostgresApp>;
