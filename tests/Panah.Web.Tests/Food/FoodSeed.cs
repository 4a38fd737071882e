using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Demo;
using Panah.Core.Food;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>A household a test registered: its id and code, its office, its head and other members.</summary>
public sealed record SeededHousehold(Guid Id, string Code, int OfficeId, string Office, Guid Head, IReadOnlyList<Guid> Others)
{
    public int Members => Others.Count + 1;
}

/// <summary>
/// The one way food tests set up what earlier parts would have left: households from the demo generator (a fixed
/// seed, so a run can be repeated), commodities, locations and stock balances written directly, and collections
/// made through the real redemption service, so the ledger and the entitlements move as they do in the app.
/// </summary>
public static class FoodSeed
{
    public static string NewCode(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A scope that sees every record, for setting up and inspecting.</summary>
    public static AsyncServiceScope Everything(PanahApp app, out PanahDbContext db)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
        db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        return scope;
    }

    /// <summary>
    /// One household per entry of <paramref name="offices"/> (an office code, or null for the generator's own),
    /// drawn with <paramref name="seed"/>, each with at least <paramref name="minMembers"/> members, in
    /// <paramref name="district"/> when given (a test's own district keeps other tests' households out of its rules).
    /// </summary>
    public static async Task<List<SeededHousehold>> HouseholdsAsync(PanahApp app, int seed, IReadOnlyList<string?> offices, string? district = null, int minMembers = 1)
    {
        await using var scope = Everything(app, out var db);
        var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
        var rows = await db.FieldOffices.ToDictionaryAsync(o => o.Code);
        var generator = new DemoHouseholds(new Random(seed), new DateOnly(2026, 11, 1));
        var made = new List<SeededHousehold>();
        foreach (var office in offices)
        {
            var h = generator.Next();
            while (h.Members.Count < minMembers)
            {
                h = generator.Next();
            }
            var code = office ?? h.OfficeCode;
            var record = store.Build(rows[code], district is null ? h.Household : h.Household with { District = district }, h.Members, out _);
            db.Households.Add(record);
            var head = record.Members.Single(m => m.Relationship == Relationship.Head).Id;
            made.Add(new SeededHousehold(record.Id, record.Code, record.FieldOfficeId, code, head, [.. record.Members.Where(m => m.Id != head).Select(m => m.Id)]));
        }
        await db.SaveChangesAsync();
        return made;
    }

    public static async Task<(int Id, string Code)> CommodityAsync(PanahApp app, string name = "lentils", int packGrams = 5_000, string packLabel = "5 kg bag")
    {
        await using var scope = Everything(app, out var db);
        var commodity = new Commodity { Code = NewCode("c-"), Name = name, Unit = "kg", PackGrams = packGrams, PackLabel = packLabel, KcalPer100g = 340, ProteinPer100g = 20, FatPer100g = 0.6 };
        db.Commodities.Add(commodity);
        await db.SaveChangesAsync();
        return (commodity.Id, commodity.Code);
    }

    public static async Task<(int Id, string Code)> LocationAsync(PanahApp app, string office, LocationKind kind = LocationKind.DistributionPoint)
    {
        await using var scope = Everything(app, out var db);
        var officeId = await db.FieldOffices.Where(o => o.Code == office).Select(o => o.Id).SingleAsync();
        var location = new FoodLocation { Code = NewCode(office + "-"), Name = office + " test location", Kind = kind, FieldOfficeId = officeId };
        db.FoodLocations.Add(location);
        await db.SaveChangesAsync();
        return (location.Id, location.Code);
    }

    /// <summary>An approved cycle of a kit of one pack of each commodity, served by <paramref name="points"/>; a partial collection may be finished in a second round.</summary>
    public static async Task<int> CycleAsync(PanahApp app, IReadOnlyList<int> commodities, IReadOnlyList<int> points, DateOnly? startsOn = null)
    {
        await using var scope = Everything(app, out var db);
        var starts = startsOn ?? new DateOnly(2026, 12, 1);
        var cycle = new DistributionCycle
        {
            Name = NewCode("cycle-"),
            Programme = new FoodProgramme { Name = NewCode("programme-"), OneCollectionPerCycle = false },
            Basket = new Basket { Name = NewCode("basket-"), Kind = BasketKind.Kit, Items = [.. commodities.Select(c => new BasketItem { CommodityId = c, Quantity = 1 })] },
            DaysCovered = 30,
            StartsOn = starts,
            EndsOn = starts.AddDays(30),
            Status = CycleStatus.Approved,
            Points = [.. points.Select(p => new CyclePoint { LocationId = p })],
        };
        db.DistributionCycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    /// <summary>An entitlement of <paramref name="household"/> in <paramref name="cycle"/> to <paramref name="packs"/> packs of each of <paramref name="commodities"/>.</summary>
    public static async Task<Guid> EntitlementAsync(PanahApp app, int cycle, SeededHousehold household, IReadOnlyList<int> commodities, int packs,
        EntitlementStatus status = EntitlementStatus.Approved)
    {
        await using var scope = Everything(app, out var db);
        var entitlement = new Entitlement
        {
            Id = Guid.NewGuid(), CycleId = cycle, HouseholdId = household.Id, FieldOfficeId = household.OfficeId, Members = household.Members, Status = status,
            Items = [.. commodities.Select(c => new EntitlementItem { CommodityId = c, Packs = packs })],
        };
        db.Entitlements.Add(entitlement);
        await db.SaveChangesAsync();
        return entitlement.Id;
    }

    /// <summary>Sets the balance of <paramref name="packs"/> packs (no batch) of <paramref name="commodity"/> at <paramref name="location"/>.</summary>
    public static async Task StockAsync(PanahApp app, int location, int commodity, int packs)
    {
        await using var scope = Everything(app, out var db);
        db.StockBalances.Add(new StockBalance { LocationId = location, CommodityId = commodity, Quantity = packs });
        await db.SaveChangesAsync();
    }

    /// <summary>A collection by the household's head at <paramref name="location"/> through the redemption service (all that is due unless <paramref name="items"/> says otherwise).</summary>
    public static async Task<RedemptionOutcome> RedeemAsync(PanahApp app, Guid entitlement, SeededHousehold household, int location, IReadOnlyList<PacksHanded>? items = null)
    {
        await using var scope = Everything(app, out _);
        return await scope.ServiceProvider.GetRequiredService<Redemptions>()
            .RedeemAsync(new RedemptionRequest(entitlement, household.Head, items, location, null, Guid.NewGuid().ToString("N")), CancellationToken.None);
    }
}
