using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Demo;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food.Monitoring;

/// <summary>
/// The app with a 20 % margin of error, so a sample of a few dozen collecting households is smaller than its
/// population: n0 = 1.96² × 0.25 / 0.2² = 24.01; N = 40 → 24.01 / (1 + 23.01/40) = 15.24 → 16; × 1.5 = 24.
/// </summary>
public abstract class MonitoringApp(string provider) : PanahApp(provider)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:Monitoring:MarginOfError", "0.2");
    }
}

public sealed class SqliteMonitoringApp() : MonitoringApp("sqlite");

public sealed class PostgresMonitoringApp() : MonitoringApp("postgres");

/// <summary>Households, a cycle, entitlements and redemptions written directly (the distribution point is another part's work).</summary>
public static class MonitoringSeed
{
    public sealed record Household(Guid Id, string Code, int OfficeId, Guid Head);

    public static async Task<List<Household>> HouseholdsAsync(PanahApp app, int count, int seed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
        var offices = await db.FieldOffices.ToDictionaryAsync(o => o.Code);
        var generator = new DemoHouseholds(new Random(seed), new DateOnly(2026, 12, 1));
        var made = new List<Household>();
        for (var i = 0; i < count; i++)
        {
            var h = generator.Next();
            var record = store.Build(offices[h.OfficeCode], h.Household, h.Members, out _);
            db.Households.Add(record);
            made.Add(new Household(record.Id, record.Code, record.FieldOfficeId, record.HeadPersonId!.Value));
        }
        await db.SaveChangesAsync();
        return made;
    }

    /// <summary>A cycle where every household is entitled and <paramref name="collecting"/> collected (the first of them twice, in two rounds).</summary>
    public static async Task<int> CycleAsync(PanahApp app, IReadOnlyList<Household> collecting, IReadOnlyList<Household> notCollecting, DateOnly startsOn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var marker = "pdm-" + Guid.NewGuid().ToString("N")[..10];
        var commodity = new Commodity { Code = marker, Name = "rice", Unit = "kg", PackGrams = 5_000, PackLabel = "5 kg bag", KcalPer100g = 360 };
        var basket = new Basket { Name = marker, Kind = BasketKind.Ration, Items = [new BasketItem { Commodity = commodity, Quantity = 400 }] };
        var cycle = new DistributionCycle
        {
            Name = marker, Programme = new FoodProgramme { Name = marker }, Basket = basket, DaysCovered = 30, StartsOn = startsOn, EndsOn = startsOn.AddDays(30),
            Status = CycleStatus.Approved,
        };
        var office = collecting.Concat(notCollecting).First().OfficeId;
        var point = new FoodLocation { Code = marker, Name = marker, Kind = LocationKind.DistributionPoint, FieldOfficeId = office };
        db.DistributionCycles.Add(cycle);
        db.FoodLocations.Add(point);
        await db.SaveChangesAsync();
        foreach (var h in collecting.Concat(notCollecting))
        {
            var entitlement = new Entitlement { Id = Guid.NewGuid(), CycleId = cycle.Id, HouseholdId = h.Id, FieldOfficeId = h.OfficeId, Members = 1, Status = EntitlementStatus.Approved };
            db.Entitlements.Add(entitlement);
            if (collecting.Contains(h))
            {
                foreach (var round in h == collecting[0] ? new[] { 1, 2 } : [1])
                {
                    db.Redemptions.Add(new Redemption
                    {
                        Id = Guid.NewGuid(), EntitlementId = entitlement.Id, Round = round, HouseholdId = h.Id, FieldOfficeId = h.OfficeId, LocationId = point.Id,
                        CollectedByPersonId = h.Head, StaffUserId = "test", At = DateTimeOffset.UtcNow, IdempotencyKey = Guid.NewGuid().ToString("N"),
                    });
                }
            }
        }
        await db.SaveChangesAsync();
        return cycle.Id;
    }
}
