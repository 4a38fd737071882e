using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Matching;

public static class HouseholdMatchingServices
{
    /// <summary>Person merges with their undo, household duplicates (their merge takes the folded household's food along), and duplicate run settings.</summary>
    public static IServiceCollection AddMerges(this IServiceCollection services) =>
        services.AddScoped<PersonMerge>().AddScoped<HouseholdDuplicates>().AddScoped<HouseholdMerge>().AddScoped<HouseholdMergeFood>()
            .AddSingleton(sp => HouseholdDuplicateOptions.Read(sp.GetRequiredService<IConfiguration>()))
            .AddSingleton(sp => DuplicateRunOptions.Read(sp.GetRequiredService<IConfiguration>()));
}
