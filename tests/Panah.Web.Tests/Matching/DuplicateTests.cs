using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Matching;

/// <summary>The online check while registering and the batch run with its review queue, through HTTP.</summary>
public sealed class DuplicateTests : IDisposable
{
    private readonly SqliteApp app = new();

    public void Dispose() => app.Dispose();

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

    private static async Task<JsonElement> RunAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/duplicates/runs", null)).StatusCode);
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/runs/current");
            if (!status.GetProperty("running").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
                return status;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The duplicate run did not finish.");
    }

    [Fact]
    public async Task A_batch_run_queues_pairs_and_remembers_each_decision()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var reviewer = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var doc1 = TurkishIdNumber.Complete("993456789");
        var doc2 = TurkishIdNumber.Complete("994567891");
        var district = "Dup-" + Guid.NewGuid().ToString("N")[..6];
        var a1 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("ug-Latn", "Abdurehim", "Tursun", doc1)))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var a2 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("tr-Latn", "Abdurrahim", "Tursun", doc1)))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var b1 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("ug-Latn", "Memet", "Rozi", doc2)))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var b2 = (await RegisterAsync(officer, RegistryRequests.Household(district, Abdurehim("ug-Arab", "مەمەت", "روزى", doc2)))).GetProperty("members")[0].GetProperty("id").GetGuid();

        var run = await RunAsync(reviewer);
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
        await RunAsync(reviewer);
        var after = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=pending");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), r => r.GetProperty("personAId").GetGuid() == memet.GetProperty("personAId").GetGuid() && r.GetProperty("personBId").GetGuid() == memet.GetProperty("personBId").GetGuid());
        var decided = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=notSame");
        Assert.Contains(decided.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == memet.GetProperty("id").GetGuid());
    }
}
