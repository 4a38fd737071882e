using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Matching;

public static class HouseholdMatchingServices
{
    /// <summary>Person merges with their undo, and household duplicates.</summary>
    public static IServiceCollection AddMerges(this IServiceCollection services) =>
        services.AddScoped<PersonMerge>().AddScoped<HouseholdDuplicates>().AddScoped<HouseholdMerge>()
            .AddSingleton(sp => HouseholdDuplicateOptions.Read(sp.GetRequiredService<IConfiguration>()));
}
