using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Entities;
using Panah.Data.Food;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Matching;

/// <summary>
/// People registered through the API and, where a test needs a queue of a known shape, pending pairs written as a
/// run would have left them (the matcher's own choices are tested in <see cref="DuplicateTests"/>).
/// </summary>
public static class ReviewQueueSetup
{
    /// <summary>A stranger to everyone else: random names, a random birth date, no phone or document.</summary>
    public static JsonObject Stranger()
    {
        static string Word() => new(Enumerable.Range(0, 9).Select(i => (char)((i == 0 ? 'A' : 'a') + Random.Shared.Next(26))).ToArray());
        var p = RegistryRequests.Person(Word(), Word(), birthDate: $"{Random.Shared.Next(1940, 2010)}-{Random.Shared.Next(1, 13):00}-{Random.Shared.Next(1, 29):00}");
        p["spellings"] = new JsonArray();
        p["name"]!["father"] = Word();
        return p;
    }

    /// <summary>Registers a household of <paramref name="members"/> in <paramref name="office"/>; its id and its members' ids.</summary>
    public static async Task<(Guid Household, List<Guid> Members)> RegisterAsync(HttpClient officer, string office, params JsonObject[] members)
    {
        var body = RegistryRequests.Household("Queue-" + Guid.NewGuid().ToString("N")[..6], members);
        body["fieldOffice"] = office;
        body["address"] = "Sokak " + Guid.NewGuid().ToString("N")[..8];
        body["phone"] = null;
        var response = await officer.PostAsJsonAsync("/api/v1/households", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetGuid(), json.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList());
    }

    /// <summary>Each a stranger in a household of their own.</summary>
    public static async Task<List<Guid>> StrangersAsync(HttpClient officer, string office, int count)
    {
        var people = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            people.Add((await RegisterAsync(officer, office, Stranger())).Members[0]);
        }
        return people;
    }

    /// <summary>A pending pair of <paramref name="x"/> and <paramref name="y"/> as a run queues it; its id.</summary>
    public static async Task<Guid> PairAsync(PanahApp app, Guid x, Guid y, double probability)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var review = new DuplicateReview
        {
            Id = Guid.CreateVersion7(),
            PersonAId = x.CompareTo(y) < 0 ? x : y,
            PersonBId = x.CompareTo(y) < 0 ? y : x,
            Probability = probability,
            Score = Math.Log2(probability / (1 - probability)),
            Reason = "Uncertain",
            Status = ReviewStatus.Pending,
            CreatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        };
        db.DuplicateReviews.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    /// <summary>An approved food entitlement of the household of <paramref name="person"/>.</summary>
    public static async Task EntitlementAsync(PanahApp app, Guid person)
    {
        Guid household;
        int office;
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            var p = await db.People.SingleAsync(x => x.Id == person);
            (household, office) = (p.HouseholdId, p.FieldOfficeId);
        }
        var commodity = await FoodSeed.CommodityAsync(app, FoodSeed.NewCode("rice-"));
        var point = await FoodSeed.LocationAsync(app, "IST");
        var cycle = await FoodSeed.CycleAsync(app, [commodity.Id], [point.Id]);
        await FoodSeed.EntitlementAsync(app, cycle, new SeededHousehold(household, "", office, "IST", person, []), [commodity.Id], 1, EntitlementStatus.Approved);
    }

    /// <summary>Every pending pair the client may see, in the queue's order.</summary>
    public static async Task<List<JsonElement>> PendingAsync(HttpClient reviewer)
    {
        var page = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/?status=pending&pageSize=200");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>A duplicate run to its end (incremental after the first, a batch run over everyone when <paramref name="full"/>); its status.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, bool full = false)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(full ? "/api/v1/duplicates/runs?full=true" : "/api/v1/duplicates/runs", null)).StatusCode);
        for (var i = 0; i < 600; i++)
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

    /// <summary>The pair of <paramref name="x"/> and <paramref name="y"/> in <paramref name="items"/>, if any.</summary>
    public static JsonElement? Pair(IEnumerable<JsonElement> items, Guid x, Guid y) =>
        items.Cast<JsonElement?>().FirstOrDefault(r =>
            new[] { r!.Value.GetProperty("personAId").GetGuid(), r.Value.GetProperty("personBId").GetGuid() }.Order().SequenceEqual(new[] { x, y }.Order()));
}
