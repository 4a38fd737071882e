using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Matching;

/// <summary>The online check while registering and the batch run with its review queue, through HTTP, on both databases.</summary>
public abstract partial class DuplicateTests(PanahApp app)
{
    private static JsonObject Abdurehim(string script, string given, string family, string document, string relationship = "head")
    {
        var p = RegistryRequests.Person(given, family, relationship, document: document, phone: "0532 765 43 21", script: script, birthDate: "1984-03-02");
        p["spellings"] = new JsonArray();
        p["name"]!["father"] = null;
        p["birthPlace"] = "Kashgar";
        return p;
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, JsonObject household)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", household);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> MatchAsync(HttpClient client, JsonObject person)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/people/match", new JsonObject { ["person"] = person.DeepClone() });
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (result.GetProperty("indexReady").GetBoolean() || attempt > 50)
            {
                return result;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_online_check_finds_the_same_person_written_in_another_script()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var document = TurkishIdNumber.Complete("992345678");
        var first = await RegisterAsync(client, RegistryRequests.Household("Zeytinburnu", Abdurehim("ug-Latn", "Abdurehim", "Tursun", document)));
        var existing = first.GetProperty("members")[0].GetProperty("id").GetGuid();
        await RegisterAsync(client, RegistryRequests.Household("Fatih", RegistryRequests.Person("Gulnar", "Memet", sex: "female", birthDate: "1990-05-05")));

        foreach (var (script, given, family) in new[] { ("tr-Latn", "Abdurrahim", "Tursun"), ("ug-Arab", "ئابدۇرېھىم", "تۇرسۇن"), ("ug-Cyrl", "Абдурехим", "Турсун") })
        {
            var result = await MatchAsync(client, Abdurehim(script, given, family, document));
            var candidates = result.GetProperty("candidates").EnumerateArray().ToList();
            Assert.True(candidates.Count > 0, $"{given} {family} found nobody");
            var best = candidates[0];
            Assert.Equal(existing, best.GetProperty("personId").GetGuid());
            Assert.True(best.GetProperty("probability").GetDouble() > 0.9, $"{given}: {best.GetProperty("probability")}");
            Assert.Contains(best.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("field").GetString() == "GivenName" && c.GetProperty("weight").GetDouble() > 0);
        }

        var stranger = await MatchAsync(client, RegistryRequests.Person("Patigul", "Hesen", sex: "female", birthDate: "2001-09-09"));
        Assert.DoesNotContain(stranger.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("personId").GetGuid() == existing);
    }

    [Fact]
    public async Task A_batch_run_queues_pairs_and_remembers_each_decision()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var doc1 = TurkishIdNumber.Complete("993456789");
        var doc2 = TurkishIdNumber.Complete("994567891");
        var district = "Dup-" + Guid.NewGuid().ToString("N")[..6];
        var a1 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("ug-Latn", "Abdurehim", "Tursun", doc1)))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var a2 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("tr-Latn", "Abdurrahim", "Tursun", doc1)))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var b1 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("ug-Latn", "Memet", "Rozi", doc2)))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var b2 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("ug-Arab", "مەمەت", "روزى", doc2)))).GetProperty("members")[0].GetProperty("id").GetGuid();

        var run = await ReviewQueueSetup.RunAsync(reviewer);
        Assert.True(run.GetProperty("lastProposed").GetInt32() >= 2);
        var pending = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=pending");
        var items = pending.GetProperty("items").EnumerateArray().ToList();
        JsonElement Pair(Guid x, Guid y) => items.Single(r =>
            new[] { r.GetProperty("personAId").GetGuid(), r.GetProperty("personBId").GetGuid() }.Order().SequenceEqual(new[] { x, y }.Order()));
        var abdurehim = Pair(a1, a2);
        var memet = Pair(b1, b2);

        var detail = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/{abdurehim.GetProperty("id").GetGuid()}");
        Assert.Contains(detail.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("field").GetString() == "DocumentNumber" && c.GetProperty("weight").GetDouble() > 0);
        var names = new[] { detail.GetProperty("a").GetProperty("name").GetProperty("given").GetString(), detail.GetProperty("b").GetProperty("name").GetProperty("given").GetString() };
        Assert.Contains("Abdurrahim", names);

        // Same person: the later registration is merged into the earlier one and leaves lists and search.
        var same = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/{abdurehim.GetProperty("id").GetGuid()}/decision", new { samePerson = true, version = abdurehim.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var merged = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{a2}");
        Assert.Equal(a1, merged.GetProperty("mergedIntoId").GetGuid());
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == a2);
        var again = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/{abdurehim.GetProperty("id").GetGuid()}/decision", new { samePerson = true, version = abdurehim.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Not the same: remembered, and a new run does not propose the pair again.
        var notSame = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/{memet.GetProperty("id").GetGuid()}/decision", new { samePerson = false, version = memet.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, notSame.StatusCode);
        await ReviewQueueSetup.RunAsync(reviewer);
        var after = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=pending");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), r => r.GetProperty("personAId").GetGuid() == memet.GetProperty("personAId").GetGuid() && r.GetProperty("personBId").GetGuid() == memet.GetProperty("personBId").GetGuid());
        var decided = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=notSame");
        Assert.Contains(decided.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == memet.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_run_counts_people_not_their_spellings()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        // One person, three spellings: three matcher records.
        var person = RegistryRequests.Person("Patigul", "Rozi", sex: "female", document: TurkishIdNumber.Complete("995678912"), birthDate: "1993-07-08");
        person["spellings"] = new JsonArray(
            new JsonObject { ["script"] = "ug-Arab", ["given"] = "پاتىگۈل", ["family"] = "روزى" },
            new JsonObject { ["script"] = "ug-Cyrl", ["given"] = "Патигүл", ["family"] = "Рози" });
        await RegisterAsync(officer, RegistryRequests.Household("Count-" + Guid.NewGuid().ToString("N")[..6], person));

        var run = await ReviewQueueSetup.RunAsync(reviewer);
        var people = await officer.GetFromJsonAsync<JsonElement>("/api/v1/people?pageSize=1");
        Assert.Equal(people.GetProperty("total").GetInt32(), run.GetProperty("lastPeople").GetInt32());
    }

    [Fact]
    public async Task The_queue_shows_both_names_and_the_probability_the_pair_page_shows()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var document = TurkishIdNumber.Complete("996789123");
        var district = "Names-" + Guid.NewGuid().ToString("N")[..6];
        var a = (await RegisterAsync(officer, RegistryRequests.Household(district, Person("ug-Latn", "Nurmemet", "Yasin", document, "0535 777 88 99", "1979-12-13")))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var b = (await RegisterAsync(officer, RegistryRequests.Household(district, Person("tr-Latn", "Nurmehmet", "Yasin", document, "0535 777 88 99", "1979-12-13")))).GetProperty("members")[0].GetProperty("id").GetGuid();
        await ReviewQueueSetup.RunAsync(reviewer);
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=pending&pageSize=200");
        var pair = queue.GetProperty("items").EnumerateArray().Single(r => new[] { r.GetProperty("personAId").GetGuid(), r.GetProperty("personBId").GetGuid() }.Order().SequenceEqual(new[] { a, b }.Order()));
        var id = pair.GetProperty("id").GetGuid();
        Assert.Equal(new[] { "Nurmehmet", "Nurmemet" }, new[] { pair.GetProperty("nameA").GetProperty("given").GetString(), pair.GetProperty("nameB").GetProperty("given").GetString() }.Order());

        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var session = await StaffSession.SignInAsync(app, staff);
        var before = await AuditedViewsAsync(a, b);
        foreach (var (culture, percent) in new[] { ("en", "%$"), ("tr", "^%") })
        {
            Match? row = null;
            for (var page = 1; row is null && page <= 20; page++)
            {
                var list = WebUtility.HtmlDecode(await PageAsync(session, $"/Matching/Reviews?p={page}", culture));
                row = RowPattern().Matches(list).SingleOrDefault(m => m.Groups["id"].Value == id.ToString());
            }
            Assert.NotNull(row);
            Assert.Contains("Nurmemet Yasin", row.Value);
            Assert.Contains("Nurmehmet Yasin", row.Value);
            var shown = ProbabilityPattern().Match(row.Value).Groups["p"].Value.Trim();
            var details = WebUtility.HtmlDecode(await PageAsync(session, $"/Matching/Reviews/Details/{id}", culture));
            Assert.Equal(shown, DetailProbabilityPattern().Match(details).Groups["p"].Value.Trim());
            Assert.Matches(percent, shown);
        }
        // Showing the names is a read of both people: each list page's one entry names them.
        Assert.True(await AuditedViewsAsync(a, b) >= before + 4);
    }

    [Fact]
    public async Task A_merge_that_empties_a_household_makes_it_inactive_and_uncounted()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Merge-" + Guid.NewGuid().ToString("N")[..6];
        var alone = TurkishIdNumber.Complete("997891234");
        var withChild = TurkishIdNumber.Complete("998912345");
        async Task<(Guid Household, Guid Head)> Register(params JsonObject[] members)
        {
            var h = await RegisterAsync(officer, RegistryRequests.Household(district, members));
            return (h.GetProperty("id").GetGuid(), h.GetProperty("members")[0].GetProperty("id").GetGuid());
        }
        var ablet = await Register(Person("ug-Latn", "Ablet", "Qurban", alone, "0533 111 22 33", "1971-02-03"));
        var abletAgain = await Register(Person("ug-Arab", "ئابلەت", "قۇربان", alone, "0533 111 22 33", "1971-02-03"));
        var hasiyet = await Register(Person("ug-Latn", "Hasiyet", "Nesir", withChild, "0534 444 55 66", "1988-09-10"));
        var hasiyetAgain = await Register(
            Person("tr-Latn", "Hasiyet", "Nesir", withChild, "0534 444 55 66", "1988-09-10"),
            RegistryRequests.Person("Aynur", "Hasiyet", "child", sex: "female", birthDate: "2015-04-04"));
        var before = await HouseholdsAsync(officer, district);
        Assert.Equal(("active", 1), before[abletAgain.Household]);
        Assert.Equal(("active", 2), before[hasiyetAgain.Household]);

        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var activeBefore = await ActiveHouseholdsOnHomePageAsync(session);
        await ReviewQueueSetup.RunAsync(reviewer);
        var queue = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=pending&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        foreach (var (x, y) in new[] { (ablet.Head, abletAgain.Head), (hasiyet.Head, hasiyetAgain.Head) })
        {
            var review = queue.Single(r => new[] { r.GetProperty("personAId").GetGuid(), r.GetProperty("personBId").GetGuid() }.Order().SequenceEqual(new[] { x, y }.Order()));
            var decision = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/{review.GetProperty("id").GetGuid()}/decision", new { samePerson = true, version = review.GetProperty("version").GetInt64() });
            Assert.Equal(HttpStatusCode.OK, decision.StatusCode);
        }

        // The later registrations were merged: one household is left with nobody, the other with the child.
        var after = await HouseholdsAsync(officer, district);
        Assert.Equal(("inactive", 0), after[abletAgain.Household]);
        Assert.Equal(("active", 1), after[hasiyetAgain.Household]);
        Assert.Equal(("active", 1), after[ablet.Household]);
        Assert.Equal(("active", 1), after[hasiyet.Household]);
        Assert.Equal(activeBefore - 1, await ActiveHouseholdsOnHomePageAsync(session));
    }

    private static JsonObject Person(string script, string given, string family, string document, string phone, string birthDate)
    {
        var p = RegistryRequests.Person(given, family, document: document, phone: phone, script: script, birthDate: birthDate);
        p["spellings"] = new JsonArray();
        return p;
    }

    private static async Task<Dictionary<Guid, (string Status, int Members)>> HouseholdsAsync(HttpClient client, string district)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households?district={district}&pageSize=50");
        return list.GetProperty("items").EnumerateArray().ToDictionary(
            h => h.GetProperty("id").GetGuid(), h => (h.GetProperty("status").GetString()!, h.GetProperty("memberCount").GetInt32()));
    }

    private static async Task<int> ActiveHouseholdsOnHomePageAsync(HttpClient session)
    {
        var home = await PageAsync(session, "/", "en");
        return int.Parse(KpiPattern().Match(home).Groups["n"].Value, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> PageAsync(HttpClient session, string url, string culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(culture);
        var response = await session.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<int> AuditedViewsAsync(params Guid[] people)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        return await db.AuditSubjects.CountAsync(s => people.Contains(s.PersonId) && s.Entry!.Action == "duplicates.list");
    }

    [GeneratedRegex("<tr id=\"review-(?<id>[0-9a-f-]{36})\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("class=\"badge probability[^\"]*\">(?<p>[^<]+)</span>")]
    private static partial Regex ProbabilityPattern();

    [GeneratedRegex("id=\"probability\">(?<p>[^<]+)</strong>")]
    private static partial Regex DetailProbabilityPattern();

    [GeneratedRegex("id=\"kpi-households\">(?<n>[0-9,]+)</div>")]
    private static partial Regex KpiPattern();
}

public sealed class SqliteDuplicateTests(SqliteApp app) : DuplicateTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDuplicateTests(PostgresApp app) : DuplicateTests(app), IClassFixture<PostgresApp>;
