using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Food;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>Commodities and baskets: their stores, the Sphere thresholds (<c>Panah:Food:Sphere:*</c>) and the demo's baskets.</summary>
public static class BasketsDataServices
{
    public static IServiceCollection AddBaskets(this IServiceCollection services) =>
        services.AddSingleton(sp => ReadSphere(sp.GetRequiredService<IConfiguration>()))
            .AddScoped<CommodityStore>()
            .AddScoped<BasketStore>()
            .AddScoped<IDemoPart, BasketsDemo>();

    public static SphereOptions ReadSphere(IConfiguration configuration)
    {
        var options = new SphereOptions();
        configuration.GetSection(SphereOptions.Section).Bind(options);
        return options;
    }
}
