using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Food;

/// <summary>Registering a household and issuing, revoking and reissuing its card through the API.</summary>
public static class CardRequests
{
    /// <summary>A new household in <paramref name="office"/> whose head is called <paramref name="given"/>: its id and code.</summary>
    public static async Task<(Guid Id, string Code)> RegisterAsync(HttpClient officer, string given, string office = "IST")
    {
        var body = RegistryRequests.Household("Fatih", RegistryRequests.Person(given, "Tursun"));
        body["fieldOffice"] = office;
        var response = await officer.PostAsJsonAsync("/api/v1/households", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var household = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (household.GetProperty("id").GetGuid(), household.GetProperty("code").GetString()!);
    }

    public static async Task<JsonElement> IssueAsync(HttpClient client, Guid household)
    {
        var response = await client.PostAsJsonAsync("/api/v1/food/cards", new { householdId = household });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> RevokeAsync(HttpClient client, string number, string reason = "lost") =>
        client.PostAsJsonAsync($"/api/v1/food/cards/{number}/revoke", new { reason });

    public static Task<HttpResponseMessage> ReissueAsync(HttpClient client, string number, string reason = "lost") =>
        client.PostAsJsonAsync($"/api/v1/food/cards/{number}/reissue", new { reason });
}
