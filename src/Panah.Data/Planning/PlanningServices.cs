using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Planning;

namespace Panah.Data.Planning;

/// <summary>Influx planning: the baseline from the registry, the stored scenarios, the backtest cache and the needs' ratios and costs (<c>Panah:Planning:Needs</c>).</summary>
public static class PlanningServices
{
    public const string Section = "Panah:Planning:Needs";

    public static IServiceCollection AddPlanning(this IServiceCollection services) => services
        .AddSingleton(sp => Read(sp.GetRequiredService<IConfiguration>()))
        .AddSingleton<BacktestCache>()
        .AddScoped<PlanningBaselines>().AddScoped<BaselineStructures>().AddScoped<PlanningNeeds>().AddScoped<ScenarioStore>().AddScoped<ScenarioForecasts>().AddScoped<Demo.IDemoPart, PlanningDemo>();

    public static NeedsOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<NeedsOptions>() ?? new NeedsOptions();
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"{Section}: {string.Join(", ", problems)}.");
        }
        return options;
    }
}
