using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>A household with a card and an approved entitlement of two commodities, as the cycles and cards parts leave them.</summary>
public sealed record SeededCard(Guid HouseholdId, string Code, string CardNumber, Guid EntitlementId, Guid Head, IReadOnlyList<Guid> Others, int CycleId, int[] Commodities);

/// <summary>
/// A programme with an approved cycle served by one point per office (plus an office's point that does not serve
/// it), and households with cards and entitlements, written straight to the database as the earlier parts would.
/// </summary>
public sealed class RedeemSeed
{
    public required int Cycle { get; init; }
    public required int Programme { get; init; }
    public required Dictionary<string, int> Points { get; init; }
    public required int PointNotServing { get; init; }
    public required int[] Commodities { get; init; }

    private static int counter;

    public static async Task<RedeemSeed> CreateAsync(PanahApp app, int minDays = 0, bool onePerCycle = false)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var marker = "r" + Interlocked.Increment(ref counter) + Guid.NewGuid().ToString("N")[..8];
        var offices = await db.FieldOffices.ToDictionaryAsync(o => o.Code);
        var maize = new Commodity { Code = marker + "-m", Name = "Maize meal", Unit = "kg", PackGrams = 25_000, PackLabel = "25 kg sack", KcalPer100g = 360 };
        var oil = new Commodity { Code = marker + "-o", Name = "Vegetable oil", Unit = "l", PackGrams = 4_600, PackLabel = "5 l tin", KcalPer100g = 884 };
        var basket = new Basket { Name = marker, Kind = BasketKind.Ration, Items = [new BasketItem { Commodity = maize, Quantity = 400 }, new BasketItem { Commodity = oil, Quantity = 25 }] };
        var programme = new FoodProgramme { Name = marker, MinDaysBetweenCollections = minDays, OneCollectionPerCycle = onePerCycle };
        var cycle = new DistributionCycle
        {
            Name = marker, Programme = programme, Basket = basket, DaysCovered = 30, Status = CycleStatus.Approved,
            StartsOn = new DateOnly(2026, 12, 1), EndsOn = new DateOnly(2026, 12, 31),
        };
        var points = offices.Values.ToDictionary(o => o.Code, o => new FoodLocation { Code = $"{marker[..8]}{o.Code}", Name = $"{o.Name} point {marker[..4]}", Kind = LocationKind.DistributionPoint, FieldOfficeId = o.Id });
        var idle = new FoodLocation { Code = $"{marker[..8]}X", Name = "Idle point", Kind = LocationKind.DistributionPoint, FieldOfficeId = offices["KAY"].Id };
        db.FoodLocations.AddRange([.. points.Values, idle]);
        db.DistributionCycles.Add(cycle);
        await db.SaveChangesAsync();
        db.Set<CyclePoint>().AddRange(points.Values.Select(p => new CyclePoint { CycleId = cycle.Id, LocationId = p.Id }));
        // Every point holds plenty of both: these tests are about collections, not stock (the stock tests run short).
        db.Set<StockBalance>().AddRange(points.Values.Append(idle).SelectMany(p => new[] { maize, oil }.Select(c => new StockBalance { LocationId = p.Id, CommodityId = c.Id, Quantity = 100_000 })));
        await db.SaveChangesAsync();
        return new RedeemSeed
        {
            Cycle = cycle.Id, Programme = programme.Id, Points = points.ToDictionary(p => p.Key, p => p.Value.Id), PointNotServing = idle.Id, Commodities = [maize.Id, oil.Id],
        };
    }

    /// <summary>A household of <paramref name="office"/> (at least two members) with an active card and an approved entitlement of 3 sacks and 2 tins.</summary>
    public async Task<SeededCard> HouseholdAsync(PanahApp app, string office = "KAY", int? cycle = null)
    {
        var household = (await FoodSeed.HouseholdsAsync(app, 8, [office], minMembers: 3))[0];
        await using var scope = FoodSeed.Everything(app, out var db);
        var number = Panah.Core.Food.CardNumber.Create(System.Security.Cryptography.RandomNumberGenerator.GetBytes(Panah.Core.Food.CardNumber.RandomLength));
        db.FoodCards.Add(new FoodCard { Id = Guid.NewGuid(), Number = number, HouseholdId = household.Id, FieldOfficeId = household.OfficeId, IssuedAt = DateTimeOffset.UtcNow });
        var entitlement = new Entitlement
        {
            Id = Guid.NewGuid(), CycleId = cycle ?? Cycle, HouseholdId = household.Id, FieldOfficeId = household.OfficeId, Members = household.Members,
            Status = EntitlementStatus.Approved,
            Items = [new EntitlementItem { CommodityId = Commodities[0], Packs = 3 }, new EntitlementItem { CommodityId = Commodities[1], Packs = 2 }],
        };
        db.Entitlements.Add(entitlement);
        await db.SaveChangesAsync();
        return new SeededCard(household.Id, household.Code, number, entitlement.Id, household.Head, household.Others, entitlement.CycleId, Commodities);
    }

    /// <summary>The same household's approved entitlement in this seed's cycle (one sack): another cycle of a household seeded elsewhere.</summary>
    public async Task<SeededCard> EntitlementOfAsync(PanahApp app, SeededCard household)
    {
        var id = Guid.NewGuid();
        await ChangeAsync(app, db =>
        {
            db.Entitlements.Add(new Entitlement
            {
                Id = id, CycleId = Cycle, HouseholdId = household.HouseholdId, FieldOfficeId = db.Households.Single(h => h.Id == household.HouseholdId).FieldOfficeId,
                Status = EntitlementStatus.Approved, Items = [new EntitlementItem { CommodityId = Commodities[0], Packs = 1 }],
            });
            return Task.CompletedTask;
        });
        return household with { EntitlementId = id, CycleId = Cycle, Commodities = Commodities };
    }

    /// <summary>Names <paramref name="person"/> an alternate collector of the household, with consent from yesterday (withdrawn today when told).</summary>
    public static async Task AlternateAsync(PanahApp app, SeededCard card, Guid person, bool withdrawn = false)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var office = await db.Households.Where(h => h.Id == card.HouseholdId).Select(h => h.FieldOfficeId).SingleAsync();
        db.AlternateCollectors.Add(new AlternateCollector { HouseholdId = card.HouseholdId, PersonId = person, FieldOfficeId = office, ConsentedOn = today.AddDays(-1), WithdrawnOn = withdrawn ? today : null });
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="change"/> on the database with every record in scope.</summary>
    public static async Task ChangeAsync(PanahApp app, Func<PanahDbContext, Task> change)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        await change(db);
        await db.SaveChangesAsync();
    }
}
