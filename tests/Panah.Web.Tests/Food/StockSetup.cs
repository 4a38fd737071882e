using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>A commodity and locations made directly in the database (the cycles part owns their pages), and stock posted through the API.</summary>
internal static class StockSetup
{
    public static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    public static async Task<(int Id, string Code)> CommodityAsync(PanahApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var commodity = new Commodity { Code = NewCode("c-"), Name = "lentils", Unit = "kg", PackGrams = 5_000, PackLabel = "5 kg bag", KcalPer100g = 340, ProteinPer100g = 20, FatPer100g = 0.6 };
        db.Commodities.Add(commodity);
        await db.SaveChangesAsync();
        return (commodity.Id, commodity.Code);
    }

    public static async Task<(int Id, string Code)> LocationAsync(PanahApp app, string office, LocationKind kind = LocationKind.DistributionPoint)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var officeId = await db.FieldOffices.Where(o => o.Code == office).Select(o => o.Id).SingleAsync();
        var location = new FoodLocation { Code = NewCode(office + "-"), Name = office + " test location", Kind = kind, FieldOfficeId = officeId };
        db.FoodLocations.Add(location);
        await db.SaveChangesAsync();
        return (location.Id, location.Code);
    }

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
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test inspection");
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var balances = await db.StockBalances.AsNoTracking().Where(b => b.LocationId == location && b.CommodityId == commodity).ToDictionaryAsync(b => b.Batch, b => b.Quantity);
        var lines = await db.StockMovements.AsNoTracking().Where(m => m.LocationId == location && m.CommodityId == commodity).OrderBy(m => m.Id).ToListAsync();
        return (balances, lines);
    }
}
