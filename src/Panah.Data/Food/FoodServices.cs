using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Food;
using Panah.Data.Access;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>Every food assistance service of the data layer, for the web app and the CLI alike (one registration, one place).</summary>
public static class FoodServices
{
    public static IServiceCollection AddFood(this IServiceCollection services) => services
        .AddScoped<ActingStaff>()
        // Commodities and baskets.
        .AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(SphereOptions.Section).Get<SphereOptions>() ?? new SphereOptions())
        .AddScoped<CommodityStore>().AddScoped<BasketStore>().AddScoped<IDemoPart, BasketsDemo>()
        // Programmes, cycles, entitlements.
        .AddScoped<FoodProgrammeStore>().AddScoped<CycleStore>().AddScoped<CycleGeneration>()
        .AddScoped<EntitlementLifecycle>().AddScoped<EntitlementQueries>().AddScoped<IDemoPart, CyclesDemo>()
        // Cards.
        .AddScoped<CardTokens>().AddScoped<CardLookup>().AddScoped<CardIssuance>().AddScoped<CardSheet>().AddScoped<IDemoPart, CardsDemo>()
        // Distribution day: who may collect, what a card has due, collections; and the demo's points.
        .AddScoped<Collectors>().AddScoped<AlternateCollectorStore>().AddScoped<CardDues>().AddScoped<Redemptions>().AddScoped<IDemoPart, RedeemDemo>()
        // Stock; the ledger posts every redemption.
        .AddSingleton(sp => StockOptions.Read(sp.GetRequiredService<IConfiguration>()))
        .AddScoped<StockLedger>().AddScoped<StockQueries>().AddScoped<StockReconciliation>()
        .AddScoped<IRedemptionPosting, StockRedemptionPosting>().AddScoped<IDemoPart, StockDemo>()
        // Post-distribution monitoring.
        .AddSingleton(sp => MonitoringOptions.Read(sp.GetRequiredService<IConfiguration>()))
        .AddScoped<PdmSamples>().AddScoped<PdmSurveys>().AddScoped<MonitoringDashboard>().AddScoped<IDemoPart, MonitoringDemo>();
}
