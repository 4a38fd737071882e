using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>The app on a registry that already holds demo households, as an office's would.</summary>
public abstract class DemoRegistryApp(string provider) : PanahApp(provider), IAsyncLifetime
{
    public const int Households = 300;

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedHouseholdsAsync(Households, seed: 6);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class SqliteDemoRegistryApp() : DemoRegistryApp("sqlite");

public sealed class PostgresDemoRegistryApp() : DemoRegistryApp("postgres");

/// <summary>
/// Name search among hundreds of demo households whose people share the name word "Tursun" (as given, family or
/// father's name): the person meant comes first, the total is shown, each hit says why it matched, pages go on.
/// </summary>
public abstract class SearchTests(DemoRegistryApp app)
{
    /// <summary>People registered with "Tursun" only as their father's name: enough to need a second page.</summary>
    private const int FatherOnly = 55;

    private static readonly string[] Given = ["Memet", "Ehmet", "Yusup", "Erkin", "Adil", "Alim", "Qurban", "Hoshur", "Kerim", "Ilham", "Rozi"];

    private static async Task<JsonElement> PostAsync(HttpClient client, string url, JsonNode body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The Tursun family registered minutes ago, and people whose father is a Tursun; once per app.</summary>
    private async Task<(Guid Target, Guid Spouse, HttpClient Client)> RegisterTursunsAsync()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var existing = await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "Zulpiqar Tursun" }, HttpStatusCode.OK);
        if (existing.GetProperty("total").GetInt32() == 0)
        {
            for (var i = 0; i < FatherOnly; i++)
            {
                var person = RegistryRequests.Person(Given[i % Given.Length], "Rozi");
                person["name"]!["father"] = "Tursun";
                person["spellings"] = new JsonArray();
                await PostAsync(client, "/api/v1/households", RegistryRequests.Household("Fatih", person));
            }
            var head = RegistryRequests.Person("Zulpiqar", "Tursun");
            head["spellings"] = new JsonArray();
            var spouse = RegistryRequests.Person("Gulnar", "Tursun", "spouse", sex: "female");
            spouse["spellings"] = new JsonArray();
            await PostAsync(client, "/api/v1/households", RegistryRequests.Household("Zeytinburnu", head, spouse));
        }
        var family = await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "Zulpiqar" }, HttpStatusCode.OK);
        var members = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{family.GetProperty("items")[0].GetProperty("person").GetProperty("householdId").GetGuid()}");
        var ids = members.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetProperty("given").GetString()!, m => m.GetProperty("id").GetGuid());
        return (ids["Zulpiqar"], ids["Gulnar"], client);
    }

    private static Guid IdOf(JsonElement hit) => hit.GetProperty("person").GetProperty("id").GetGuid();

    private static string[] MatchedOn(JsonElement hit) => hit.GetProperty("matchedOn").EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task The_exact_person_comes_first_and_says_given_and_family_name()
    {
        var (target, _, client) = await RegisterTursunsAsync();
        var found = await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "zulpiqar TURSUN" }, HttpStatusCode.OK);
        var first = found.GetProperty("items")[0];
        Assert.Equal(target, IdOf(first));
        Assert.Equal(["givenName", "familyName"], MatchedOn(first));
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_common_name_word_shows_the_total_ranks_family_before_father_and_pages_on()
    {
        var (target, spouse, client) = await RegisterTursunsAsync();
        var page1 = await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "Tursun" }, HttpStatusCode.OK);
        var total = page1.GetProperty("total").GetInt32();
        Assert.True(total > FatherOnly + 2, $"total {total}");
        Assert.False(page1.GetProperty("moreThanTotal").GetBoolean());
        Assert.Equal(50, page1.GetProperty("pageSize").GetInt32());
        Assert.Equal((total + 49) / 50, page1.GetProperty("pageCount").GetInt32());
        var hits = page1.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(50, hits.Count);

        var page2 = await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "Tursun", ["page"] = 2 }, HttpStatusCode.OK);
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Equal(total, page2.GetProperty("total").GetInt32());
        hits.AddRange(page2.GetProperty("items").EnumerateArray());
        var all = hits.ToList();
        for (var page = 3; all.Count < total; page++)
        {
            all.AddRange((await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "Tursun", ["page"] = page }, HttpStatusCode.OK))
                .GetProperty("items").EnumerateArray());
        }
        Assert.Equal(total, all.Select(IdOf).Distinct().Count());

        // Everyone named Tursun comes before everyone found only through a father called Tursun.
        var firstFather = all.FindIndex(h => MatchedOn(h).Contains("fathersName"));
        var lastNamed = all.FindLastIndex(h => !MatchedOn(h).Contains("fathersName"));
        Assert.True(lastNamed < firstFather, $"a name match at {lastNamed} after a father's name match at {firstFather}");
        Assert.All(all.Skip(firstFather), h => Assert.Equal(["fathersName"], MatchedOn(h)));
        Assert.True(FatherOnly <= all.Skip(firstFather).Count(h => h.GetProperty("person").GetProperty("name").GetProperty("family").GetString() == "Rozi"));
        Assert.Contains(all.Take(firstFather), h => IdOf(h) == target);
        Assert.Contains(all.Take(firstFather), h => IdOf(h) == spouse);
    }

    [Fact]
    public async Task The_search_page_shows_the_total_why_each_matched_and_a_second_page()
    {
        await RegisterTursunsAsync();
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var first = await Html.PostFormAsync(officer, "/Registry/Search", new Dictionary<string, string> { ["Input.Name"] = "Zulpiqar Tursun" });
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("1 results, page 1 of 1", html);
        Assert.Contains("Zulpiqar Tursun", html);
        Assert.Contains("<td class=\"matched-on\">Given and family name</td>", html);

        var common = await (await Html.PostFormAsync(officer, "/Registry/Search", new Dictionary<string, string> { ["Input.Name"] = "Tursun", ["Input.Page"] = "2" })).Content.ReadAsStringAsync();
        Assert.Matches(@"\d+ results, page 2 of \d+", common);
        Assert.Contains("<td class=\"matched-on\">Father&#x27;s name</td>", common);
        Assert.Contains("id=\"previous-page\"", common);
    }

    [Fact]
    public async Task The_search_query_is_ordered_before_it_is_limited()
    {
        var (_, _, client) = await RegisterTursunsAsync();
        await PostAsync(client, "/api/v1/people/search", new JsonObject { ["name"] = "Tursun", ["phone"] = "+90 532 000 11 22" }, HttpStatusCode.OK);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("row limiting operator", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Walking_the_people_list_by_cursor_returns_everyone_once_in_order()
    {
        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var seen = new List<Guid>();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=200");
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total > 600, $"total {total}");
        var page = first;
        while (true)
        {
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }
            page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/people?pageSize=200&after={page.GetProperty("next").GetString()}");
            Assert.Equal(JsonValueKind.Null, page.GetProperty("page").ValueKind);
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        // Both databases order ids as their canonical text does.
        Assert.Equal(seen.OrderBy(id => id.ToString(), StringComparer.Ordinal), seen);

        var households = new List<Guid>();
        string? next = null;
        do
        {
            var h = await client.GetFromJsonAsync<JsonElement>("/api/v1/households?pageSize=64" + (next is null ? "" : "&after=" + next));
            households.AddRange(h.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
            next = h.GetProperty("next").GetString();
        }
        while (next is not null);
        Assert.Equal(households.Count, households.Distinct().Count());
        Assert.True(households.Count >= DemoRegistryApp.Households);
        Assert.Equal(households.OrderBy(id => id.ToString(), StringComparer.Ordinal), households);
    }

    [Fact]
    public async Task A_tampered_or_foreign_cursor_is_a_bad_request()
    {
        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var people = await client.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=10");
        var next = people.GetProperty("next").GetString()!;
        var households = await client.GetFromJsonAsync<JsonElement>("/api/v1/households?pageSize=10");
        var tampered = next[..^3] + (next[^3] == 'A' ? 'B' : 'A') + next[^2..];
        foreach (var url in new[]
        {
            $"/api/v1/people?after={tampered}",
            "/api/v1/people?after=not-a-cursor!",
            $"/api/v1/people?after={households.GetProperty("next").GetString()}",
            $"/api/v1/households?after={next}",
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("after", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }
    }
}

public sealed class SqliteSearchTests(SqliteDemoRegistryApp app) : SearchTests(app), IClassFixture<SqliteDemoRegistryApp>;

public sealed class PostgresSearchTests(PostgresDemoRegistryApp app) : SearchTests(app), IClassFixture<PostgresDemoRegistryApp>;
