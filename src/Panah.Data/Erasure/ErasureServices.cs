using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Retention;

namespace Panah.Data.Erasure;

public static class ErasureServices
{
    /// <summary>Erasure, the ledger (directory from <c>PANAH_ERASURE_LEDGER</c> or <c>Panah:ErasureLedger</c>), retention and legal holds.</summary>
    public static IServiceCollection AddErasure(this IServiceCollection services, PanahDataOptions options)
    {
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var configured = configuration[ErasureLedger.DirectoryEnvironmentVariable] is { Length: > 0 } fromEnvironment ? fromEnvironment : configuration["Panah:ErasureLedger"];
            return new ErasureLedger(ErasureLedger.DefaultDirectory(configured, options.KeyFile!));
        });
        services.AddScoped<PersonErasure>();
        services.AddScoped<ErasureReplay>();
        services.AddRetention();
        return services;
    }
}
