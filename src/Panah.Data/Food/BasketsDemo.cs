using Microsoft.EntityFrameworkCore;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>
/// The demo's baskets: the domain guide's maize ration (meets Sphere), the wheat ration with enough oil to meet it
/// too (with the guide's 25 g it fails on fat and energy), and a Ramadan kit per household.
/// </summary>
public sealed class BasketsDemo(PanahDbContext db, BasketStore baskets) : IDemoPart
{
    public const string Maize = "General ration — maize";
    public const string Wheat = "General ration — wheat";
    public const string Ramadan = "Ramadan kit";

    public int Order => 10;
    public string Name => "food baskets";

    public async Task SeedAsync(CancellationToken ct)
    {
        await CommoditySeed.EnsureAsync(db, ct);
        var ids = await db.Commodities.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        await EnsureAsync(Maize, BasketKind.Ration, [("maize-meal", 400), ("beans", 60), ("vegetable-oil", 25), ("csb", 50), ("sugar", 15), ("salt", 5)], ids, ct);
        await EnsureAsync(Wheat, BasketKind.Ration, [("wheat-flour", 400), ("beans", 60), ("vegetable-oil", 35), ("csb", 50), ("sugar", 15), ("salt", 5)], ids, ct);
        await EnsureAsync(Ramadan, BasketKind.Kit, [("rice", 1), ("lentils", 1), ("vegetable-oil", 1), ("sugar", 2), ("salt", 1)], ids, ct);
    }

    private async Task EnsureAsync(string name, BasketKind kind, (string Code, double Quantity)[] items, Dictionary<string, int> ids, CancellationToken ct)
    {
        if (await db.Baskets.AnyAsync(b => b.Name == name, ct))
        {
            return;
        }
        await baskets.CreateAsync(new BasketInput(name, kind, items.Select(i => new BasketItemInput(ids[i.Code], i.Quantity)).ToList()), ct);
    }
}
