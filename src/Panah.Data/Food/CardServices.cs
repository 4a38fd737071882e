using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;

namespace Panah.Data.Food;

/// <summary>Food cards' services, for the web app and the CLI alike.</summary>
public static class CardServices
{
    public static IServiceCollection AddFoodCards(this IServiceCollection services) =>
        services.AddScoped<CardTokens>()
            .AddScoped<CardLookup>()
            .AddScoped<CardIssuance>()
            .AddScoped<CardSheet>()
            .AddScoped<IDemoPart, CardsDemo>();
}
