using System.Net.Http.Json;
using System.Text.Json;

namespace Panah.Web.Tests.Food;

/// <summary>The distribution API as a scanner app calls it.</summary>
public static class RedeemRequests
{
    public static async Task<HttpResponseMessage> RedeemAsync(HttpClient client, object body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/food/redemptions") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> RedeemAsync(HttpClient client, SeededCard card, int point, string key, Guid? by = null, object[]? items = null, string? cardNumber = null) =>
        RedeemAsync(client, new { entitlementId = card.EntitlementId, collectedBy = by ?? card.Head, locationId = point, items, cardNumber }, key);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static string NewKey() => Guid.NewGuid().ToString();
}
