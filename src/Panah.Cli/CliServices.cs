using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Staff;

namespace Panah.Cli;

/// <summary>The same data services as the web app, on the same data directory (PANAH_DATA), acting as "cli:&lt;os user&gt;".</summary>
public static class CliServices
{
    public static async Task<ServiceProvider> CreateAsync()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddPanahData(PanahDataServices.ReadOptions(configuration));
        services.AddSingleton<IActor>(new FixedActor($"cli:{Environment.UserName}", "localhost"));
        services.AddIdentityCore<StaffUser>(PanahDataServices.ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddPanahStores()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);
        var provider = services.BuildServiceProvider();
        await PanahDatabase.InitializeAsync(provider);
        return provider;
    }
}
