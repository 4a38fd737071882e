using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Food;

/// <summary>The stock ledger's services, for the web app and the CLI alike.</summary>
public static class StockServices
{
    public static IServiceCollection AddFoodStock(this IServiceCollection services) =>
        services.AddSingleton(sp => StockOptions.Read(sp.GetRequiredService<IConfiguration>()))
            .AddScoped<StockLedger>()
            .AddScoped<StockQueries>()
            .AddScoped<StockReconciliation>()
            .AddScoped<IRedemptionPosting, StockRedemptionPosting>()
            .AddScoped<Demo.IDemoPart, StockDemo>();
}
