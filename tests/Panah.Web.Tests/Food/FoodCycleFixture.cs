using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Demo;
using Panah.Core.Food;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>
/// A cycle of a test's own: households in a district no other test uses (so the whole-registry rule still selects only
/// them), a one-commodity ration of 400 g of maize meal a day in 25 kg sacks, 30 days, and a distribution point.
/// </summary>
public sealed record TestCycle(int Id, string District, int CommodityId, IReadOnlyList<SeededHousehold> Households)
{
    /// <summary>What the arithmetic says a household of <paramref name="members"/> gets: ceil(members × 400 × 30 / 25,000).</summary>
    public static int Sacks(int members) => (int)Math.Ceiling(members * 400 * 30 / 25_000.0);

    public static async Task<TestCycle> CreateAsync(PanahApp app, params string[] offices)
    {
        var marker = FoodSeed.NewCode("cy-");
        var households = await FoodSeed.HouseholdsAsync(app, 20, offices, district: marker);
        await using var scope = FoodSeed.Everything(app, out var db);
        var officeRows = await db.FieldOffices.ToDictionaryAsync(o => o.Code);
        var commodity = new Commodity { Code = marker, Name = "Maize meal " + marker, Unit = "kg", PackGrams = 25_000, PackLabel = "25 kg sack", KcalPer100g = 360, ProteinPer100g = 9, FatPer100g = 3.5 };
        var basket = new Basket { Name = "Maize " + marker, Kind = BasketKind.Ration, Items = [new BasketItem { Commodity = commodity, Quantity = 400 }] };
        var point = new FoodLocation { Code = marker[..12].ToUpperInvariant(), Name = "Point " + marker, Kind = LocationKind.DistributionPoint, FieldOfficeId = officeRows[offices[0]].Id };
        var cycle = new DistributionCycle
        {
            Name = marker,
            Programme = new FoodProgramme { Name = marker },
            Basket = basket,
            DaysCovered = 30,
            StartsOn = new DateOnly(2026, 12, 1),
            EndsOn = new DateOnly(2026, 12, 30),
            Eligibility = new EligibilityRule { Districts = [marker] }.ToJson(),
            Points = [new CyclePoint { Location = point }],
        };
        db.DistributionCycles.Add(cycle);
        await db.SaveChangesAsync();
        return new TestCycle(cycle.Id, marker, commodity.Id, households);
    }

    /// <summary>The cycle's entitlements as stored, whatever the office (the test's own inspection).</summary>
    public async Task<List<Entitlement>> EntitlementsAsync(PanahApp app)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        return await db.Entitlements.AsNoTracking().Include(e => e.Items).Where(e => e.CycleId == Id).ToListAsync();
    }

    public async Task<long> VersionAsync(PanahApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().DistributionCycles.Where(c => c.Id == Id).Select(c => c.Version).SingleAsync();
    }

    /// <summary>Registers one more member (a child) in <paramref name="household"/>, as a registration officer would.</summary>
    public static async Task AddMemberAsync(PanahApp app, Guid household)
    {
        await using var scope = FoodSeed.Everything(app, out _);
        var generator = new DemoHouseholds(new Random(3), new DateOnly(2026, 11, 1));
        var child = generator.Next().Members[0] with { Relationship = Relationship.Child };
        await scope.ServiceProvider.GetRequiredService<RegistryStore>().AddMemberAsync(household, child);
    }
}
