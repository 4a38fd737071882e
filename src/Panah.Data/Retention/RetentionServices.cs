using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Retention;

public static class RetentionServices
{
    /// <summary>Retention rules (<c>Panah:Retention</c>), the sweep that applies them, legal holds and the job lease.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services) =>
        services.AddSingleton(sp => RetentionOptions.Read(sp.GetRequiredService<IConfiguration>()))
            .AddScoped<RetentionCandidates>()
            .AddScoped<RetentionSweep>()
            .AddScoped<LegalHolds>()
            .AddScoped<JobLeases>();
}
