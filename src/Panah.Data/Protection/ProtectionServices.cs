using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Protection;
using Panah.Data.Uploads;

namespace Panah.Data.Protection;

/// <summary>Every protection case management service of the data layer, for the web app and the CLI alike.</summary>
public static class ProtectionServices
{
    public static IServiceCollection AddProtection(this IServiceCollection services) => services
        .AddSingleton(sp => Read(sp.GetRequiredService<IConfiguration>()))
        .AddSingleton<CaseTaskClock>()
        .AddScoped<CaseReads>().AddScoped<CaseStore>().AddScoped<Caseload>().AddScoped<CaseWork>().AddScoped<CaseApprovals>()
        .AddScoped<IApprovalEffect, ClosureEffect>()
        .AddScoped<CasePlans>().AddScoped<IApprovalEffect, CasePlanEffect>()
        .AddScoped<TracingRequests>().AddScoped<IApprovalEffect, TracingRevealEffect>()
        .AddScoped<Demo.IDemoPart, ProtectionDemo>()
        .AddUploads().AddScoped<CaseFiles>();

    /// <summary>The defaults, with any <c>Panah:Protection:Due:{Kind}:{Risk}</c> (a time span) replacing one.</summary>
    public static ProtectionOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(ProtectionOptions.Section);
        var options = new ProtectionOptions
        {
            StaleReferral = section.GetValue("StaleReferral", TimeSpan.FromDays(14)),
        };
        foreach (var kind in section.GetSection("Due").GetChildren())
        {
            foreach (var risk in kind.GetChildren())
            {
                if (!Enum.TryParse<CaseTaskKind>(kind.Key, true, out var k) || !Enum.TryParse<RiskLevel>(risk.Key, true, out var r) || !TimeSpan.TryParse(risk.Value, System.Globalization.CultureInfo.InvariantCulture, out var offset))
                {
                    throw new InvalidOperationException($"{ProtectionOptions.Section}:Due:{kind.Key}:{risk.Key} must name a task kind, a risk level and a time span.");
                }
                options.With(k, r, offset);
            }
        }
        return options;
    }
}
