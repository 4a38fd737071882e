using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>The registry API through HTTP, run once on SQLite and once on PostgreSQL.</summary>
public abstract class RegistryApiTests(PanahApp app)
{
    private static string ForeignerId(int seed) => TurkishIdNumber.Complete("99" + seed.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    private async Task<JsonElement> RegisterAsync(HttpClient client, JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Register_then_get_then_find_by_name_phone_and_document()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var doc = ForeignerId(1001);
        var household = await RegisterAsync(client, RegistryRequests.Household("Zeytinburnu",
            RegistryRequests.Person("Abdurehim", "Tursun", document: doc, phone: "0532 111 22 33"),
            RegistryRequests.Person("Gulnar", "Tursun", "spouse", sex: "female"),
            RegistryRequests.Person("Aygul", "Abdurehim", "child", sex: "female", birthDate: "2015-06-01")));
        var id = household.GetProperty("id").GetGuid();
        Assert.Equal(3, household.GetProperty("members").GetArrayLength());

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        Assert.Equal("Zeytinburnu", fetched.GetProperty("district").GetString());
        Assert.Equal("Çınar Sk. No:5", fetched.GetProperty("address").GetString());

        await AssertFinds(client, new { name = "abdurehim TURSUN" }, "Abdurehim");
        await AssertFinds(client, new { name = "ئابدۇرېھىم" }, "Abdurehim"); // the Arabic-script spelling
        await AssertFinds(client, new { name = "Абдурехим Турсун" }, "Abdurehim"); // Cyrillic, never entered: found through the comparable form
        await AssertFinds(client, new { name = "Abdurrahim" }, "Abdurehim"); // the Arabic-origin Turkish form
        await AssertFinds(client, new { phone = "+90 532 111 2233" }, "Abdurehim");
        await AssertFinds(client, new { document = doc }, "Abdurehim");
        var none = await client.PostAsJsonAsync("/api/v1/people/search", new { name = "Nobody Here" });
        Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    private static async Task AssertFinds(HttpClient client, object query, string given)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people/search", query);
        response.EnsureSuccessStatusCode();
        var found = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(found.GetProperty("items").EnumerateArray(), h => h.GetProperty("person").GetProperty("name").GetProperty("given").GetString() == given);
    }

    [Fact]
    public async Task Editing_with_a_stale_version_is_a_conflict()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = await RegisterAsync(client, RegistryRequests.Household("Fatih", RegistryRequests.Person("Ehmet", "Rozi")));
        var person = household.GetProperty("members")[0];
        var id = person.GetProperty("id").GetGuid();
        var version = person.GetProperty("version").GetInt64();

        var first = await client.PutAsJsonAsync($"/api/v1/people/{id}", new JsonObject { ["person"] = RegistryRequests.Person("Ehmetjan", "Rozi"), ["version"] = version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var edited = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(version + 1, edited.GetProperty("version").GetInt64());

        var stale = await client.PutAsJsonAsync($"/api/v1/people/{id}", new JsonObject { ["person"] = RegistryRequests.Person("Ehmet", "Rozi"), ["version"] = version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        // The old name no longer finds the person; the new one does.
        await AssertFinds(client, new { name = "Ehmetjan Rozi" }, "Ehmetjan");

        var h = household.GetProperty("id").GetGuid();
        var staleHousehold = await client.PutAsJsonAsync($"/api/v1/households/{h}", new { district = "Fatih", version = 99 });
        Assert.Equal(HttpStatusCode.Conflict, staleHousehold.StatusCode);
    }

    [Fact]
    public async Task A_new_household_phone_finds_the_members_and_the_old_one_no_longer_does()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = await RegisterAsync(client, RegistryRequests.Household("Fatih", RegistryRequests.Person("Hoshur", "Adil")));
        var id = household.GetProperty("id").GetGuid();
        var update = await client.PutAsJsonAsync($"/api/v1/households/{id}", new { district = "Esenyurt", phone = "0533 999 88 77", version = household.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        await AssertFinds(client, new { phone = "+90 533 999 8877" }, "Hoshur");
        var old = await client.PostAsJsonAsync("/api/v1/people/search", new { phone = "+90 532 000 11 22", name = "Hoshur" });
        Assert.Equal(0, (await old.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
        var moved = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?district=Esenyurt&pageSize=200");
        Assert.Contains(moved.GetProperty("items").EnumerateArray(), p => p.GetProperty("name").GetProperty("given").GetString() == "Hoshur");
    }

    [Fact]
    public async Task Paging_and_filters()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Paging-" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(client, RegistryRequests.Household(district,
                RegistryRequests.Person("Memet" + i, "Alim", sex: "male"),
                RegistryRequests.Person("Rabiye" + i, "Alim", "child", sex: "female", birthDate: DateTime.UtcNow.AddYears(-2).ToString("yyyy-MM-dd"))));
        }
        var page1 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}&pageSize=4&page=1");
        var page2 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}&pageSize=4&page=2");
        Assert.Equal(6, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("pageCount").GetInt32());
        Assert.Equal(4, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page2.GetProperty("items").GetArrayLength());
        var ids = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetGuid());
        Assert.Equal(6, ids.Distinct().Count());

        var girls = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}&sex=female&ageGroup=under5");
        Assert.Equal(3, girls.GetProperty("total").GetInt32());
        Assert.All(girls.GetProperty("items").EnumerateArray(), p => Assert.Equal("female", p.GetProperty("sex").GetString()));
        var men = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}&sex=male&ageGroup=from18To59");
        Assert.Equal(3, men.GetProperty("total").GetInt32());

        var households = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households?district={district}&pageSize=2");
        Assert.Equal(3, households.GetProperty("total").GetInt32());
        Assert.Equal(2, households.GetProperty("items").GetArrayLength());
        Assert.StartsWith("Memet", households.GetProperty("items")[0].GetProperty("head").GetProperty("given").GetString());

        var bad = await client.GetAsync("/api/v1/people?sex=robot");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Vulnerability_filter_finds_unaccompanied_children()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Vuln-" + Guid.NewGuid().ToString("N")[..6];
        var child = RegistryRequests.Person("Dilnur", "Omer", sex: "female", birthDate: "2011-04-04");
        child["vulnerabilities"] = new JsonArray("unaccompaniedChild");
        await RegisterAsync(client, RegistryRequests.Household(district, child));
        await RegisterAsync(client, RegistryRequests.Household(district, RegistryRequests.Person("Omer", "Hesen")));
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}&vulnerability=unaccompaniedChild");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal("Dilnur", found.GetProperty("items")[0].GetProperty("name").GetProperty("given").GetString());
    }

    [Fact]
    public async Task Invalid_input_gets_field_level_problem_details()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var badChecksum = RegistryRequests.Person("Yusup", "Ismayil", document: "99123456741");
        var future = RegistryRequests.Person("Meryem", "Yusup", "spouse", sex: "female", birthDate: DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"));
        var badScript = RegistryRequests.Person("Adil", "Yusup", "child");
        badScript["name"]!["script"] = "ug-Klingon";
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", badChecksum, future, badScript));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("check digits", errors.GetProperty("members[0].documents[0].number")[0].GetString());
        Assert.Contains("future", errors.GetProperty("members[1].birthDate")[0].GetString());
        Assert.Contains("ug-Latn", errors.GetProperty("members[2].name.script")[0].GetString());
    }

    [Fact]
    public async Task A_person_needs_a_chosen_sex_and_a_registration_consent()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var noConsent = RegistryRequests.Person("Nurgul", "Ablet", sex: "female");
        noConsent["consents"] = new JsonArray(new JsonObject { ["purpose"] = "foodAssistance", ["givenOn"] = "2026-01-05", ["noticeVersion"] = "2026-1" });
        var noSex = RegistryRequests.Person("Ablet", "Hoshur", "spouse");
        noSex.Remove("sex");
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", noConsent, noSex));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("consent to registration", errors.GetProperty("members[0].consents")[0].GetString());
        Assert.True(errors.TryGetProperty("members[1].sex", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("members[1].consents", out _));
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_not_a_crash()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        foreach (var body in new[] { "{", "[]", "{\"members\": 5}", "{\"district\": {\"x\":1}}", "null" })
        {
            var response = await client.PostAsync("/api/v1/households", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var wrongDate = RegistryRequests.Person("Alim", "Qurban", birthDate: "04/03/1985");
        var r = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", wrongDate));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("members[0].birthDate", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_audit_chain_verifies_after_the_round_trip_through_the_database()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RegisterAsync(client, RegistryRequests.Household("Fatih", RegistryRequests.Person("Omer", "Tursun")));
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Panah.Data.Audit.AuditVerifier>().VerifyAsync();
        Assert.True(result.IsIntact, $"entry {result.FirstBadEntryId}: {result.Problem}");
        Assert.True(result.Entries > 2);
    }

    [Fact]
    public async Task Migrations_match_the_model()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration for {app.Provider}: dotnet ef migrations add <Name> --project src/Panah.Data.{(app.Provider == "postgres" ? "Postgres" : "Sqlite")}");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/households/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/people/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class SqliteRegistryApiTests(SqliteApp app) : RegistryApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresRegistryApiTests(PostgresApp app) : RegistryApiTests(app), IClassFixture<PostgresApp>;
