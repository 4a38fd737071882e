using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>What the README and the OpenAPI document promise a client of the API, through HTTP on both databases.</summary>
public abstract class ApiContractTests(PanahApp app)
{
    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] ErrorKeys(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task A_person_is_added_to_a_household_with_the_rules_and_audit_of_registration()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = await ReadAsync(await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Obul", "Qasim"))), HttpStatusCode.Created);
        var id = household.GetProperty("id").GetGuid();

        var response = await client.PostAsJsonAsync($"/api/v1/households/{id}/members", RegistryRequests.Person("Nurgul", "Obul", "child", sex: "female", birthDate: "2019"));
        var child = await ReadAsync(response, HttpStatusCode.Created);
        var childId = child.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{childId}", response.Headers.Location!.ToString());
        Assert.Equal(id, child.GetProperty("householdId").GetGuid());

        var after = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");
        Assert.Equal(2, after.GetProperty("members").GetArrayLength());
        Assert.Equal(household.GetProperty("version").GetInt64() + 1, after.GetProperty("version").GetInt64());
        var found = await ReadAsync(await client.PostAsJsonAsync("/api/v1/people/search", new { name = "Nurgul Obul" }), HttpStatusCode.OK);
        Assert.Equal(childId, found.GetProperty("items")[0].GetProperty("person").GetProperty("id").GetGuid());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "person.create" && e.EntityId == childId.ToString()));
            Assert.Equal(2, (await db.Households.SingleAsync(h => h.Id == id)).MemberCount);
        }

        // The same rules as registration: one head, the person's own rules; an unknown household is not found.
        var secondHead = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/households/{id}/members", RegistryRequests.Person("Qasim", "Obul")), HttpStatusCode.BadRequest);
        Assert.Contains("relationship", ErrorKeys(secondHead));
        var future = await ReadAsync(await client.PostAsJsonAsync($"/api/v1/households/{id}/members",
            RegistryRequests.Person("Aygul", "Obul", "child", sex: "female", birthDate: DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"))), HttpStatusCode.BadRequest);
        Assert.Contains("birthDate", ErrorKeys(future));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/households/{Guid.NewGuid()}/members", RegistryRequests.Person("Aygul", "Obul", "child"))).StatusCode);

        var reader = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/v1/households/{id}/members", RegistryRequests.Person("Aygul", "Obul", "child"))).StatusCode);
    }

    [Fact]
    public async Task A_year_alone_is_a_birth_date_of_precision_year()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = await ReadAsync(await client.PostAsJsonAsync("/api/v1/households",
            RegistryRequests.Household("Fatih", RegistryRequests.Person("Tahir", "Imin", birthDate: "1992"))), HttpStatusCode.Created);
        var person = household.GetProperty("members")[0];
        Assert.Equal("1992-01-01", person.GetProperty("birthDate").GetString());
        Assert.Equal("yearOnly", person.GetProperty("birthDatePrecision").GetString());

        var estimated = RegistryRequests.Person("Tahir", "Imin", birthDate: "1970");
        estimated["birthDatePrecision"] = "estimated";
        var e = await ReadAsync(await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", estimated)), HttpStatusCode.Created);
        Assert.Equal("estimated", e.GetProperty("members")[0].GetProperty("birthDatePrecision").GetString());

        var exact = RegistryRequests.Person("Tahir", "Imin", birthDate: "1992");
        exact["birthDatePrecision"] = "exact";
        var problem = await ReadAsync(await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", exact)), HttpStatusCode.BadRequest);
        Assert.Contains("exact date", problem.GetProperty("errors").GetProperty("members[0].birthDate")[0].GetString());
    }

    [Fact]
    public async Task A_person_put_without_its_wrapper_is_told_the_shape_of_the_body()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = await ReadAsync(await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Sabit", "Tohti"))), HttpStatusCode.Created);
        var id = household.GetProperty("members")[0].GetProperty("id").GetGuid();

        var bare = await client.PutAsJsonAsync($"/api/v1/people/{id}", RegistryRequests.Person("Sabit", "Tohti"));
        Assert.Equal("application/problem+json", bare.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(bare, HttpStatusCode.BadRequest);
        Assert.Equal(["person"], ErrorKeys(problem));
        Assert.Contains("{\"person\": {…}, \"version\": n}", problem.GetProperty("errors").GetProperty("person")[0].GetString());

        var noVersion = await ReadAsync(await client.PutAsJsonAsync($"/api/v1/people/{id}", new JsonObject { ["person"] = RegistryRequests.Person("Sabit", "Tohti") }), HttpStatusCode.BadRequest);
        Assert.Equal(["version"], ErrorKeys(noVersion));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_required_fields_and_answers_a_signed_out_client_with_problem_details()
    {
        var anonymous = await app.AnonymousClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await anonymous.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var schemas = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("components").GetProperty("schemas");
        string[] Required(string schema) => schemas.GetProperty(schema).GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order().ToArray();
        Assert.Equal(["district", "members"], Required("HouseholdInput"));
        Assert.Equal(["given", "script"], Required("NameInput"));
        Assert.Equal(["name"], Required("PersonInput"));
        Assert.Equal(["person", "version"], Required("PersonUpdate"));
        Assert.Equal(["number", "type"], Required("DocumentInput"));
        Assert.Contains("id", Required("PersonDto"));
    }
}

public sealed class SqliteApiContractTests(SqliteApp app) : ApiContractTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiContractTests(PostgresApp app) : ApiContractTests(app), IClassFixture<PostgresApp>;
