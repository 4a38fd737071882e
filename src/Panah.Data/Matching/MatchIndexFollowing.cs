using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Matching;

/// <summary>The services that keep every app node's match index current from the database.</summary>
public static class MatchIndexFollowing
{
    public static void AddMatchIndexFollowing(IServiceCollection services)
    {
        services.AddSingleton(sp => MatchIndexOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new MatchIndexCursor { GapTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<MatchIndexOptions>().GapSeconds) });
        services.AddSingleton<MatchIndexChangeRecorder>();
        services.AddScoped<MatchIndexFeed>();
    }
}
