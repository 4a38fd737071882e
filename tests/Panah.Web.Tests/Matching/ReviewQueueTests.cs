using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;
using static Panah.Web.Tests.Matching.ReviewQueueSetup;

namespace Panah.Web.Tests.Matching;

/// <summary>The review queue people can finish: its order, group decisions, its size per band, on both databases, through HTTP.</summary>
public abstract class ReviewQueueTests(PanahApp app)
{
    private static Guid Id(JsonElement e) => e.GetProperty("id").GetGuid();

    [Fact]
    public async Task Pairs_that_decide_a_group_come_first_then_open_entitlements_then_probability_within_the_readers_scope()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var p = await StrangersAsync(officer, "IST", 8);
        var kayseri = await StrangersAsync(officer, "KAY", 1);
        // A triangle: each of its pairs is settled by the other two, so none decides the group alone.
        var t12 = await PairAsync(app, p[0], p[1], 0.99);
        var t23 = await PairAsync(app, p[1], p[2], 0.98);
        var t13 = await PairAsync(app, p[0], p[2], 0.97);
        // Bridges: each answer alone joins or keeps apart two groups of people.
        var toTriangle = await PairAsync(app, p[2], p[7], 0.40);
        var withFood = await PairAsync(app, p[3], p[4], 0.30);
        var plain = await PairAsync(app, p[5], p[6], 0.60);
        await EntitlementAsync(app, p[4]);
        // A pair with someone in Kayseri: not the Istanbul reviewer's to see, nor part of their groups.
        var elsewhere = await PairAsync(app, p[0], kayseri[0], 0.999);

        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        var mine = new[] { t12, t23, t13, toTriangle, withFood, plain };
        var queue = (await PendingAsync(reviewer)).Where(r => mine.Contains(Id(r)) || Id(r) == elsewhere).ToList();
        Assert.Equal(new[] { withFood, plain, toTriangle, t12, t23, t13 }, queue.Select(Id));
        var byId = queue.ToDictionary(Id);
        Assert.True(byId[withFood].GetProperty("changesCluster").GetBoolean());
        Assert.False(byId[t12].GetProperty("changesCluster").GetBoolean());
        Assert.Equal(["openEntitlement"], byId[withFood].GetProperty("stakes").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(byId[plain].GetProperty("stakes").EnumerateArray());
        var group = byId[t12].GetProperty("groupId").GetGuid();
        Assert.All(new[] { t23, t13, toTriangle }, id => Assert.Equal(group, byId[id].GetProperty("groupId").GetGuid()));
        Assert.Equal(4, byId[t12].GetProperty("groupPeople").GetInt32());
        Assert.Equal(2, byId[plain].GetProperty("groupPeople").GetInt32());

        var shown = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/groups/{toTriangle}");
        Assert.Equal(group, shown.GetProperty("id").GetGuid());
        Assert.Equal(p.Take(3).Append(p[7]).Order(), shown.GetProperty("people").EnumerateArray().Select(x => x.GetProperty("personId").GetGuid()));
        Assert.Equal(4, shown.GetProperty("pairs").GetArrayLength());

        // Whoever may see everyone sees the Kayseri pair, and the group grows by its person.
        var everywhere = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST", "KAY"]);
        var all = (await PendingAsync(everywhere)).Where(r => Id(r) == elsewhere || Id(r) == t12).ToDictionary(Id);
        Assert.Equal(5, all[t12].GetProperty("groupPeople").GetInt32());
        var kayseriReviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        Assert.Equal(HttpStatusCode.NotFound, (await kayseriReviewer.GetAsync($"/api/v1/duplicates/groups/{t12}")).StatusCode);
    }

    [Fact]
    public async Task A_group_decided_as_one_person_merges_everyone_into_the_earliest_and_is_never_proposed_again()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var (first, second, third) = await ThreeRegistrationsOfOnePersonAsync(officer, "Rozigul", "Abla", "991234567");
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RunAsync(reviewer);
        var pending = await PendingAsync(reviewer);
        var ours = pending.Where(r => new[] { first, second, third }.Contains(r.GetProperty("personAId").GetGuid())).ToList();
        var groupId = Assert.Single(ours.Select(r => r.GetProperty("groupId").GetGuid()).Distinct());
        var group = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/groups/{groupId}");
        Assert.Equal(new[] { first, second, third }, group.GetProperty("people").EnumerateArray().Select(x => x.GetProperty("personId").GetGuid()));
        var pairs = group.GetProperty("pairs").EnumerateArray().Select(r => new { id = Id(r), version = r.GetProperty("version").GetInt64() }).ToList();

        var decided = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/groups/{groupId}/decision", new { samePerson = true, pairs });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, body.GetProperty("survivorId").GetGuid());
        Assert.Equal(new[] { second, third }, body.GetProperty("merged").EnumerateArray().Select(m => m.GetGuid()).Order());
        foreach (var later in new[] { second, third })
        {
            Assert.Equal(first, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{later}")).GetProperty("mergedIntoId").GetGuid());
        }
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            var merges = await db.AuditEntries.Where(e => e.Action == "person.merge").Select(e => e.EntityId).ToListAsync();
            Assert.Equal(1, merges.Count(e => e == second.ToString()));
            Assert.Equal(1, merges.Count(e => e == third.ToString()));
        }

        await RunAsync(reviewer);
        var again = await PendingAsync(reviewer);
        Assert.DoesNotContain(again, r => new[] { first, second, third }.Contains(r.GetProperty("personAId").GetGuid()) || new[] { first, second, third }.Contains(r.GetProperty("personBId").GetGuid()));
    }

    [Fact]
    public async Task A_split_marks_the_chosen_pairs_not_the_same_and_they_are_not_proposed_again()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var (first, second, third) = await ThreeRegistrationsOfOnePersonAsync(officer, "Muyesser", "Hoshur", "992345671");
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RunAsync(reviewer);
        var ours = (await PendingAsync(reviewer)).Where(r => new[] { first, second, third }.Contains(r.GetProperty("personAId").GetGuid())).ToList();
        Assert.True(ours.Count >= 2, $"{ours.Count} pairs");
        var split = ours[0];
        var groupId = split.GetProperty("groupId").GetGuid();
        var response = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/groups/{groupId}/decision",
            new { samePerson = false, pairs = new[] { new { id = Id(split), version = split.GetProperty("version").GetInt64() } } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var person in new[] { first, second, third })
        {
            Assert.Equal(JsonValueKind.Null, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}")).GetProperty("mergedIntoId").ValueKind);
        }

        await RunAsync(reviewer);
        var pending = await PendingAsync(reviewer);
        Assert.Null(Pair(pending, split.GetProperty("personAId").GetGuid(), split.GetProperty("personBId").GetGuid()));
        Assert.NotNull(Pair(pending, ours[1].GetProperty("personAId").GetGuid(), ours[1].GetProperty("personBId").GetGuid()));
        var notSame = (await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=notSame&pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Contains(notSame, r => Id(r) == Id(split));
    }

    [Fact]
    public async Task Two_reviewers_deciding_one_group_at_once_never_half_merge_it()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var one = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var other = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        for (var round = 0; round < 4; round++)
        {
            var p = await StrangersAsync(officer, "IST", 3);
            var ab = await PairAsync(app, p[0], p[1], 0.9);
            var bc = await PairAsync(app, p[1], p[2], 0.9);
            var group = new[] { ab, bc }.Min();
            // One merges the whole chain; the other either merges it too or says the second pair is not the same.
            var merge = new { samePerson = true, pairs = new[] { new { id = ab, version = 1L }, new { id = bc, version = 1L } } };
            object rival = round % 2 == 0 ? merge : new { samePerson = false, pairs = new[] { new { id = bc, version = 1L } } };
            var answers = await Task.WhenAll(
                one.PostAsJsonAsync($"/api/v1/duplicates/groups/{group}/decision", merge),
                other.PostAsJsonAsync($"/api/v1/duplicates/groups/{group}/decision", rival));
            Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }, answers.Select(a => a.StatusCode).Order());
            var merged = new List<Guid?>();
            foreach (var person in p)
            {
                var json = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}");
                merged.Add(json.GetProperty("mergedIntoId").ValueKind == JsonValueKind.Null ? null : json.GetProperty("mergedIntoId").GetGuid());
            }
            var mergeWon = answers[0].StatusCode == HttpStatusCode.OK || round % 2 == 0;
            Assert.Equal(mergeWon ? new Guid?[] { null, p[0], p[0] } : new Guid?[] { null, null, null }, merged);
        }
    }

    [Fact]
    public async Task The_queue_shows_its_size_and_expected_precision_per_band_and_what_fell_beyond_the_budget()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var p = await StrangersAsync(officer, "SEF", 9);
        var probabilities = new[] { 0.1, 0.3, 0.4, 0.6, 0.85, 0.9, 0.97, 0.99 };
        for (var i = 0; i < probabilities.Length; i++)
        {
            await PairAsync(app, p[i], p[i + 1], probabilities[i]);
        }
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["SEF"]);
        var run = await RunAsync(reviewer);
        var queue = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/queue");
        Assert.Equal(8, queue.GetProperty("pending").GetInt32());
        var bands = queue.GetProperty("bands").EnumerateArray().Select(b => (b.GetProperty("from").GetDouble(), b.GetProperty("count").GetInt32(), b.GetProperty("meanProbability").GetDouble())).ToList();
        Assert.Equal([(0, 1, 0.1), (0.2, 2, 0.35), (0.5, 1, 0.6), (0.8, 2, 0.875), (0.95, 2, 0.98)], bands);
        Assert.Equal(5.1, queue.GetProperty("expectedDuplicates").GetDouble());
        Assert.Equal(run.GetProperty("lastDeferred").GetInt32(), queue.GetProperty("deferred").GetInt32());

        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["SEF"]));
        var page = WebUtility.HtmlDecode(await session.GetStringAsync("/Matching/Reviews"));
        Assert.Contains("8 pairs to review; about 5.1 of them should be true duplicates.", page);
        Assert.Contains("<td data-label=\"Pairs\" class=\"band-count\">2</td>", page);
        Assert.Contains("87.5%", page);
    }

    [Fact]
    public async Task Two_siblings_registered_in_one_household_are_not_proposed_as_a_pair()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        JsonObject Twin(string given, string relationship)
        {
            var p = RegistryRequests.Person(given, "Tohti", relationship, phone: "0536 222 33 44", birthDate: "2012-06-15");
            p["spellings"] = new JsonArray();
            p["birthPlace"] = "Hoten";
            return p;
        }
        var (_, twins) = await RegisterAsync(officer, "IST", Twin("Ablimit", "head"), Twin("Ablikim", "sibling"));
        // They look alike to the matcher (the check while registering, which knows no household, finds one for the other):
        // the household is what tells them apart.
        Assert.Contains(await LikelyMatchesAsync(officer, Twin("Ablikim", "head")), c => c.GetProperty("personId").GetGuid() == twins[0] && c.GetProperty("probability").GetDouble() > 0.5);
        var reviewer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RunAsync(reviewer);
        Assert.Null(Pair(await PendingAsync(reviewer), twins[0], twins[1]));
    }

    private static async Task<List<JsonElement>> LikelyMatchesAsync(HttpClient client, JsonObject person)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/people/match", new JsonObject { ["person"] = person.DeepClone() });
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (result.GetProperty("indexReady").GetBoolean() || attempt > 100)
            {
                return result.GetProperty("candidates").EnumerateArray().ToList();
            }
            await Task.Delay(100);
        }
    }

    private static async Task<(Guid First, Guid Second, Guid Third)> ThreeRegistrationsOfOnePersonAsync(HttpClient officer, string given, string family, string document)
    {
        var number = TurkishIdNumber.Complete(document);
        var ids = new List<Guid>();
        foreach (var (script, g, f) in new[] { ("ug-Latn", given, family), ("tr-Latn", given, family), ("ug-Latn", given.ToUpperInvariant(), family) })
        {
            var p = RegistryRequests.Person(g, f, document: number, phone: "0537 123 45 67", script: script, sex: "female", birthDate: "1986-10-11");
            p["spellings"] = new JsonArray();
            ids.Add((await RegisterAsync(officer, "IST", p)).Members[0]);
        }
        return (ids[0], ids[1], ids[2]);
    }
}

public sealed class SqliteReviewQueueTests(SqliteApp app) : ReviewQueueTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReviewQueueTests(PostgresApp app) : ReviewQueueTests(app), IClassFixture<PostgresApp>;
