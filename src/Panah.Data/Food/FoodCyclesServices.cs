using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>Programmes, cycles and entitlements: the data services the web app and the CLI share.</summary>
public static class FoodCyclesServices
{
    public static IServiceCollection AddFoodCycles(this IServiceCollection services) =>
        services.AddScoped<FoodProgrammeStore>()
            .AddScoped<CycleStore>()
            .AddScoped<CycleGeneration>()
            .AddScoped<EntitlementLifecycle>()
            .AddScoped<EntitlementQueries>()
            .AddScoped<IDemoPart, CyclesDemo>();
}
