using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.DataProtection;

/// <summary>Registering, searching and matching as the erasure tests need them, through the API.</summary>
public static class ErasureRequests
{
    public static JsonObject Person(string given, string family, string document, string relationship = "head", string sex = "male")
    {
        var p = RegistryRequests.Person(given, family, relationship, document: document, phone: "0532 765 43 21", sex: sex, birthDate: "1984-03-02");
        p["spellings"] = new JsonArray();
        p["birthPlace"] = "Kashgar";
        return p;
    }

    public static async Task<JsonElement> RegisterAsync(HttpClient client, string district, params JsonObject[] members)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household(district, members));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<List<Guid>> SearchAsync(HttpClient client, object query)
    {
        var result = await (await client.PostAsJsonAsync("/api/v1/people/search", query)).Content.ReadFromJsonAsync<JsonElement>();
        return result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("person").GetProperty("id").GetGuid()).ToList();
    }

    /// <summary>The people the online check proposes for <paramref name="person"/>, once the index is built.</summary>
    public static async Task<List<Guid>> MatchAsync(HttpClient client, JsonObject person)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/people/match", new JsonObject { ["person"] = person.DeepClone() });
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (result.GetProperty("indexReady").GetBoolean() || attempt > 100)
            {
                return result.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("personId").GetGuid()).ToList();
            }
            await Task.Delay(100);
        }
    }

    public static Task<HttpResponseMessage> EraseAsync(HttpClient client, Guid person, string reason) =>
        client.PostAsJsonAsync($"/api/v1/people/{person}/erasure", new { reason });
}
