using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>Stock posted through the API, and a location's ledger read back (what to post it on comes from <see cref="FoodSeed"/>).</summary>
internal static class StockSetup
{
    public static async Task<JsonElement> PostAsync(HttpClient client, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/api/v1/food/stock/movements", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> ReceiveAsync(HttpClient client, string location, string commodity, int packs, string? batch = null, DateOnly? expiresOn = null) =>
        PostAsync(client, new { kind = "receipt", location, commodity, packs, batch, expiresOn, source = "donor", reference = "WB-1" });

    /// <summary>Balances and ledger lines of one location and commodity, read past the access scope.</summary>
    public static async Task<(Dictionary<string, int> Balances, List<StockMovement> Lines)> LedgerAsync(PanahApp app, int location, int commodity)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        // A batch's balance is the sum of its stripes.
        var balances = await db.StockBalances.AsNoTracking().Where(b => b.LocationId == location && b.CommodityId == commodity)
            .GroupBy(b => b.Batch).Select(g => new { g.Key, Packs = g.Sum(b => b.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Packs);
        var lines = await db.StockMovements.AsNoTracking().Where(m => m.LocationId == location && m.CommodityId == commodity).OrderBy(m => m.Id).ToListAsync();
        return (balances, lines);
    }
}
