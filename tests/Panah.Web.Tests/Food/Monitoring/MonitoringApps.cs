using Microsoft.AspNetCore.Hosting;
using Panah.Core.Food;
using Panah.Data.Food;
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

/// <summary>Households and a cycle whose collections are made through the redemption service (<see cref="FoodSeed"/>).</summary>
public static class MonitoringSeed
{
    /// <summary><paramref name="count"/> households of the generator's offices, drawn with <paramref name="seed"/>.</summary>
    public static Task<List<SeededHousehold>> HouseholdsAsync(PanahApp app, int count, int seed) =>
        FoodSeed.HouseholdsAsync(app, seed, [.. Enumerable.Repeat<string?>(null, count)]);

    /// <summary>A cycle where every household is entitled to two bags of rice and <paramref name="collecting"/> collected (the first of them in two rounds).</summary>
    public static async Task<int> CycleAsync(PanahApp app, IReadOnlyList<SeededHousehold> collecting, IReadOnlyList<SeededHousehold> notCollecting, DateOnly startsOn)
    {
        var rice = await FoodSeed.CommodityAsync(app, "rice");
        var point = await FoodSeed.LocationAsync(app, collecting.Concat(notCollecting).First().Office);
        await FoodSeed.StockAsync(app, point.Id, rice.Id, 1_000);
        var cycle = await FoodSeed.CycleAsync(app, [rice.Id], [point.Id], startsOn);
        foreach (var h in collecting.Concat(notCollecting))
        {
            var entitlement = await FoodSeed.EntitlementAsync(app, cycle, h, [rice.Id], 2);
            if (!collecting.Contains(h))
            {
                continue;
            }
            if (h == collecting[0])
            {
                Assert.IsType<RedemptionOutcome.Redeemed>(await FoodSeed.RedeemAsync(app, entitlement, h, point.Id, [new PacksHanded(rice.Id, 1)]));
            }
            Assert.IsType<RedemptionOutcome.Redeemed>(await FoodSeed.RedeemAsync(app, entitlement, h, point.Id));
        }
        return cycle;
    }
}
