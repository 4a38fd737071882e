using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Exports;

/// <summary>Exports through the gate and aggregate exports (<c>Panah:Exports</c>).</summary>
public static class ExportServices
{
    public static IServiceCollection AddExports(this IServiceCollection services) => services
        .AddSingleton(sp => ExportOptions.Read(sp.GetRequiredService<IConfiguration>()))
        .AddScoped<ExportGate>().AddScoped<AggregateExports>();
}
