using Panah.Data.Food;

namespace Panah.Web.Features.Food.Redeem;

/// <summary>Distribution day: card look-up, collections.</summary>
public static class RedeemServices
{
    public static IServiceCollection AddRedeemFeature(this IServiceCollection services) =>
        // CardLookup comes with the cards (CardServices).
        services.AddScoped<Collectors>()
            .AddScoped<CardDues>()
            .AddScoped<Redemptions>();
}
