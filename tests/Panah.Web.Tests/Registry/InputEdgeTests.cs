using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>What an attacker or a careless client sends the registry API: every answer is a problem with the field's path.</summary>
public abstract class InputEdgeTests(PanahApp app)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) => (await ProblemAsync(response)).GetProperty("errors");

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("\u202E")] // right-to-left override: "Rahmi\u202Eelgnahs" shows as "Rahmishangle"
    [InlineData("\u2067")] // right-to-left isolate
    [InlineData("\u200F")] // right-to-left mark
    [InlineData("\u061C")] // Arabic letter mark
    [InlineData("\0")]
    [InlineData("\u0007")]
    [InlineData("\u0085")] // C1 next line
    public async Task Bidi_and_control_characters_are_refused_in_every_text_field(string hidden)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person("Rahmi" + hidden + "elgnahs", "Tur" + hidden + "sun", document: "U" + hidden + "1234567");
        person["documents"]![0]!["type"] = "passport";
        person["name"]!["father"] = "Me" + hidden + "met";
        person["spellings"]![0]!["given"] = "رەھ" + hidden + "مى";
        person["birthPlace"] = "Qesh" + hidden + "qer";
        person["consents"]![0]!["witness"] = "Ay" + hidden + "shem";
        person["consents"]![0]!["noticeVersion"] = "2026" + hidden + "-1";
        var household = RegistryRequests.Household("Fa" + hidden + "tih", person);
        household["neighbourhood"] = "Yeşil" + hidden + "tepe";
        household["address"] = "Çınar" + hidden + " Sk.";

        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/households", household));

        string[] fields =
        [
            "district", "neighbourhood", "address", "members[0].name.given", "members[0].name.family", "members[0].name.father",
            "members[0].spellings[0].given", "members[0].birthPlace", "members[0].documents[0].number",
            "members[0].consents[0].witness", "members[0].consents[0].noticeVersion",
        ];
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
            Assert.Contains("invisible or control characters", messages[0].GetString());
        }
    }

    [Fact]
    public async Task Zero_width_joiners_of_Arabic_script_names_are_kept()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person("Gulnar", "Tursun");
        person["spellings"]![0]!["given"] = "گۈل\u200Cنار";
        var created = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", person));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("گۈل\u200Cنار", body.GetProperty("members")[0].GetProperty("spellings")[0].GetProperty("given").GetString());
    }

    [Fact]
    public async Task A_name_edit_with_a_bidi_override_is_refused()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var created = await (await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Rahmi", "Tursun"))))
            .Content.ReadFromJsonAsync<JsonElement>();
        var person = created.GetProperty("members")[0];
        var update = new JsonObject { ["person"] = RegistryRequests.Person("Rahmi\u202Eelgnahs", "Tursun"), ["version"] = person.GetProperty("version").GetInt64() };
        var errors = await ErrorsAsync(await client.PutAsJsonAsync($"/api/v1/people/{person.GetProperty("id").GetGuid()}", update));
        Assert.True(errors.TryGetProperty("person.name.given", out _), errors.ToString());

        var household = new { district = "Fat\u202Eih", version = created.GetProperty("version").GetInt64() };
        var householdErrors = await ErrorsAsync(await client.PutAsJsonAsync($"/api/v1/households/{created.GetProperty("id").GetGuid()}", household));
        Assert.True(householdErrors.TryGetProperty("district", out _), householdErrors.ToString());
    }

    [Theory]
    [InlineData("members", "[null]", "members[0]")]
    [InlineData("members", "null", "members")]
    [InlineData("spellings", "[null]", "members[0].spellings[0]")]
    [InlineData("documents", "[null]", "members[0].documents[0]")]
    [InlineData("consents", "[null]", "members[0].consents[0]")]
    [InlineData("name", "null", "members[0].name")]
    public async Task Null_where_an_object_belongs_is_a_field_error(string property, string value, string path)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = RegistryRequests.Household("Fatih", RegistryRequests.Person("Ehmet", "Tohti"));
        var target = property == "members" ? household : (JsonObject)household["members"]![0]!;
        target[property] = JsonNode.Parse(value);

        var errors = await ErrorsAsync(await PostRawAsync(client, "/api/v1/households", household.ToJsonString()));

        Assert.Equal(["This value is required."], errors.GetProperty(path).EnumerateArray().Select(m => m.GetString()));
        Assert.DoesNotContain(errors.EnumerateObject(), e => e.Name.StartsWith(path + ".", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_person_update_without_a_person_is_a_field_error()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var created = await (await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Ehmet", "Tohti"))))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("members")[0].GetProperty("id").GetGuid();
        var response = await client.PutAsync($"/api/v1/people/{id}", new StringContent("{\"person\":null,\"version\":1}", Encoding.UTF8, "application/json"));
        var errors = await ErrorsAsync(response);
        Assert.True(errors.TryGetProperty("person", out _), errors.ToString());
    }

    [Theory]
    [InlineData("sex", "female,male")]
    [InlineData("sex", "unknown, female")]
    [InlineData("sex", "1")]
    [InlineData("sex", "Female;")]
    [InlineData("relationship", "head,child")]
    [InlineData("birthDatePrecision", "exact,estimated")]
    public async Task An_enumeration_takes_one_defined_name(string property, string value)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person("Ehmet", "Tohti");
        person[property] = value;
        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", person)));
        var message = errors.GetProperty($"members[0].{property}")[0].GetString();
        Assert.Contains(property == "sex" ? "unknown, female, male" : property == "relationship" ? "head, spouse" : "exact, yearOnly, estimated", message);
    }

    [Fact]
    public async Task Vulnerabilities_and_document_types_take_one_defined_name_each()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person("Dilnur", "Omer", birthDate: "2015-01-01");
        person["vulnerabilities"] = new JsonArray("unaccompaniedChild,disability");
        person["documents"] = new JsonArray(new JsonObject { ["type"] = "passport,foreignerId", ["number"] = "U1234567" });
        person["consents"]![0]!["purpose"] = "registration,protection";
        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", person)));
        Assert.Contains("unaccompaniedChild", errors.GetProperty("members[0].vulnerabilities")[0].GetString());
        Assert.Contains("turkishCitizenId", errors.GetProperty("members[0].documents[0].type")[0].GetString());
        Assert.Contains("dataSharing", errors.GetProperty("members[0].consents[0].purpose")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/people?sex=female,male", "sex")]
    [InlineData("/api/v1/people?vulnerability=unaccompaniedChild,disability", "vulnerability")]
    [InlineData("/api/v1/people?ageGroup=2", "ageGroup")]
    [InlineData("/api/v1/households?status=active,closed", "status")]
    [InlineData("/api/v1/households?status=robot", "status")]
    public async Task List_filters_take_one_defined_name(string url, string field)
    {
        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var errors = await ErrorsAsync(await client.GetAsync(url));
        Assert.Contains("Allowed values", errors.GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_allowed_values_of_every_enumeration()
    {
        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        static string[] Allowed(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();

        var person = schemas.GetProperty("PersonInput").GetProperty("properties");
        Assert.Equal(["female", "male", "unknown"], Allowed(person.GetProperty("sex")).Order());
        Assert.Contains("otherRelative", Allowed(person.GetProperty("relationship")));
        Assert.Contains("yearOnly", Allowed(person.GetProperty("birthDatePrecision")));
        Assert.Contains("unaccompaniedChild", Allowed(person.GetProperty("vulnerabilities").GetProperty("items")));
        Assert.Contains("ug-Arab", Allowed(schemas.GetProperty("NameInput").GetProperty("properties").GetProperty("script")));
        var document = schemas.GetProperty("DocumentInput").GetProperty("properties");
        Assert.Contains("foreignerId", Allowed(document.GetProperty("type")));
        Assert.Contains("internationalProtection", Allowed(document.GetProperty("permitType")));
        Assert.Contains("dataSharing", Allowed(schemas.GetProperty("ConsentInput").GetProperty("properties").GetProperty("purpose")));
        Assert.Contains("closed", Allowed(schemas.GetProperty("HouseholdUpdate").GetProperty("properties").GetProperty("status")));

        var listPeople = doc.GetProperty("paths").GetProperty("/api/v1/people").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Contains("under5", Allowed(listPeople.Single(p => p.GetProperty("name").GetString() == "ageGroup").GetProperty("schema")));
        Assert.Contains("male", Allowed(listPeople.Single(p => p.GetProperty("name").GetString() == "sex").GetProperty("schema")));
        var listHouseholds = doc.GetProperty("paths").GetProperty("/api/v1/households").GetProperty("get").GetProperty("parameters").EnumerateArray();
        Assert.Contains("inactive", Allowed(listHouseholds.Single(p => p.GetProperty("name").GetString() == "status").GetProperty("schema")));
    }

    [Theory]
    [InlineData(int.MaxValue, 2)]
    [InlineData(int.MaxValue, 200)]
    [InlineData(1073741824, 4)]
    [InlineData(3, 2)]
    public async Task A_page_beyond_the_last_is_the_last_page_and_says_so(int page, int pageSize)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Pages-" + Guid.NewGuid().ToString("N")[..6];
        await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household(district,
            RegistryRequests.Person("Memet", "Alim"), RegistryRequests.Person("Rabiye", "Alim", "spouse", sex: "female"), RegistryRequests.Person("Aliye", "Alim", "child", sex: "female")));

        var people = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}&page={page}&pageSize={pageSize}");
        var last = people.GetProperty("pageCount").GetInt32();
        Assert.Equal(last, people.GetProperty("page").GetInt32());
        Assert.Equal(3 - ((last - 1) * pageSize), people.GetProperty("items").GetArrayLength());

        var households = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households?district={district}&page={page}&pageSize={pageSize}");
        Assert.Equal(1, households.GetProperty("page").GetInt32());
        Assert.Equal(1, households.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Huge_strings_and_deep_nesting_are_problems_not_crashes()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var huge = RegistryRequests.Household(new string('x', 1_000_000), RegistryRequests.Person(new string('A', 1_000_000), "Tursun"));
        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/households", huge));
        Assert.True(errors.TryGetProperty("district", out _));
        Assert.True(errors.TryGetProperty("members[0].name.given", out _));

        var deep = "{\"district\":\"Fatih\",\"extra\":" + string.Concat(Enumerable.Repeat("[", 500)) + string.Concat(Enumerable.Repeat("]", 500)) + "}";
        await ProblemAsync(await PostRawAsync(client, "/api/v1/households", deep));
        foreach (var body in new[] { "{", "[]", "{\"members\": 5}", "null", "{\"members\":[{\"sex\":5}]}", "\"\\uD800\"" })
        {
            await ProblemAsync(await PostRawAsync(client, "/api/v1/households", body));
        }
        await ProblemAsync(await PostRawAsync(client, "/api/v1/people/search", "{\"name\":[]}"));
        foreach (var url in new[] { "/api/v1/people?page=abc", "/api/v1/people?page=99999999999", "/api/v1/households?pageSize=1e9" })
        {
            await ProblemAsync(await client.GetAsync(url));
        }
    }
}

public sealed class SqliteInputEdgeTests(SqliteApp app) : InputEdgeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresInputEdgeTests(PostgresApp app) : InputEdgeTests(app), IClassFixture<PostgresApp>;
