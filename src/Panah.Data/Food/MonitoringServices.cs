using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>Post-distribution monitoring's data services (the web app and the CLI's <c>seed-demo</c> both need them).</summary>
public static class MonitoringServices
{
    public static IServiceCollection AddFoodMonitoring(this IServiceCollection services) =>
        services.AddSingleton(sp => MonitoringOptions.Read(sp.GetRequiredService<IConfiguration>()))
            .AddScoped<PdmSamples>()
            .AddScoped<PdmSurveys>()
            .AddScoped<MonitoringDashboard>()
            .AddScoped<IDemoPart, MonitoringDemo>();
}
