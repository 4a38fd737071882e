using Panah.Core.Registry;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.DataProtection;

/// <summary>The data protection officer's feature: legal bases per purpose, subject access, the retention job.</summary>
public static class DataProtectionServices
{
    public const string LegalBasesSection = "Panah:LegalBases";

    public static IServiceCollection AddDataProtectionFeature(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(ReadConsentRules(configuration))
            .AddScoped<Panah.Data.DataProtection.SubjectAccess>()
            .AddSingleton<RetentionJob>()
            .AddHostedService(sp => sp.GetRequiredService<RetentionJob>());

    /// <summary>
    /// The legal bases that are local practice, e.g. <c>Panah:LegalBases:Messaging = LegitimateInterest</c>; a wrong name or a
    /// basis the law settles otherwise stops start-up rather than running on a basis nobody chose.
    /// </summary>
    public static ConsentRules ReadConsentRules(IConfiguration configuration)
    {
        var configured = new Dictionary<ConsentPurpose, LegalBasis>();
        foreach (var entry in configuration.GetSection(LegalBasesSection).GetChildren())
        {
            if (!EnumNames.TryParse<ConsentPurpose>(entry.Key, out var purpose) || !EnumNames.TryParse<LegalBasis>(entry.Value, out var basis))
            {
                throw new InvalidOperationException($"{LegalBasesSection}:{entry.Key}: unknown purpose or legal basis.");
            }
            configured[purpose] = basis;
        }
        try
        {
            return new ConsentRules(configured);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{LegalBasesSection}: {e.Message}", e);
        }
    }
}
