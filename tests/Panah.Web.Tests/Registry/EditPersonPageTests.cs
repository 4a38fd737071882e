using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>Correcting a registration through the edit page, as an officer would.</summary>
public sealed partial class EditPersonPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();

    private async Task<(Guid Household, Guid Person, HttpClient Api)> RegisterAsync()
    {
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person("Erkin", "Alim", phone: "0532 111 00 99");
        person["consents"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["purpose"] = "registration", ["givenOn"] = "2026-01-05", ["noticeVersion"] = "2025-3" },
            new System.Text.Json.Nodes.JsonObject { ["purpose"] = "foodAssistance", ["givenOn"] = "2026-01-05", ["noticeVersion"] = "2025-3" });
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", person));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("members")[0].GetProperty("id").GetGuid(), api);
    }

    private static Dictionary<string, string> Form(string given, string version, params (string Key, string Value)[] extra)
    {
        var form = new Dictionary<string, string>
        {
            ["Version"] = version,
            ["Input.Name.Script"] = "ug-Latn",
            ["Input.Name.Given"] = given,
            ["Input.Name.Family"] = "Alim",
            ["Input.Sex"] = "male",
            ["Input.BirthDate"] = "1985-03-04",
            ["Input.BirthDatePrecision"] = "exact",
            ["Input.Relationship"] = "head",
            ["Input.Phone"] = "0532 111 00 99",
            ["Input.Consents[0].Purpose"] = "registration",
            ["Input.Consents[0].GivenOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"), // hidden fields of the page
            ["Input.Consents[0].NoticeVersion"] = "2026-1",
            ["Input.Consents[1].Purpose"] = "education",
            ["Input.Consents[1].GivenOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            ["Input.Consents[1].NoticeVersion"] = "2026-1",
        };
        foreach (var (k, v) in extra)
        {
            form[k] = v;
        }
        return form;
    }

    [Fact]
    public async Task An_officer_corrects_a_name_and_consent_history_is_kept()
    {
        var (household, person, api) = await RegisterAsync();
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var page = await officer.GetStringAsync($"/Registry/People/Edit/{person}");
        Assert.Contains("value=\"Erkin\"", page);
        var version = VersionField().Match(page).Groups[1].Value;

        var saved = await Html.PostFormAsync(officer, $"/Registry/People/Edit/{person}", Form("Erkinjan", version));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await saved.Content.ReadAsStringAsync(), "validation-summary-errors[\\s\\S]{0,600}").Value);
        Assert.Equal($"/Registry/Households/Details/{household}", saved.Headers.Location!.ToString());

        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}");
        Assert.Equal("Erkinjan", after.GetProperty("name").GetProperty("given").GetString());
        var consents = after.GetProperty("consents").EnumerateArray().ToList();
        var food = consents.Single(c => c.GetProperty("purpose").GetString() == "foodAssistance");
        Assert.Equal("2026-01-05", food.GetProperty("givenOn").GetString());
        Assert.NotEqual(JsonValueKind.Null, food.GetProperty("withdrawnOn").ValueKind); // unticked: withdrawn, not erased
        Assert.Contains(consents, c => c.GetProperty("purpose").GetString() == "education" && c.GetProperty("withdrawnOn").ValueKind == JsonValueKind.Null);

        // The same stale form again: refused, nothing overwritten.
        var stale = await Html.PostFormAsync(officer, $"/Registry/People/Edit/{person}", Form("Erkin", version));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this record", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Erkinjan", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}")).GetProperty("name").GetProperty("given").GetString());
    }

    [Fact]
    public async Task Withdrawing_the_registration_consent_is_refused_next_to_the_consents()
    {
        var (_, person, _) = await RegisterAsync();
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var version = VersionField().Match(await officer.GetStringAsync($"/Registry/People/Edit/{person}")).Groups[1].Value;
        var form = Form("Erkin", version);
        form.Remove("Input.Consents[0].Purpose");
        var refused = await Html.PostFormAsync(officer, $"/Registry/People/Edit/{person}", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Matches("id=\"m0-consents\"[^>]*aria-invalid=\"true\"", html);
        Assert.Contains("consent to registration", html);
    }

    [Fact]
    public async Task Invalid_corrections_are_shown_next_to_the_field()
    {
        var (_, person, _) = await RegisterAsync();
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var page = await officer.GetStringAsync($"/Registry/People/Edit/{person}");
        var version = VersionField().Match(page).Groups[1].Value;
        var bad = await Html.PostFormAsync(officer, $"/Registry/People/Edit/{person}",
            Form("Erkin", version, ("Input.BirthDate", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd")), ("Input.Documents[0].Type", "foreignerId"), ("Input.Documents[0].Number", "99123456741")));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("future", html);
        Assert.Contains("check digits", html);
    }
}
