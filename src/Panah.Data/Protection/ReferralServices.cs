using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Protection;

/// <summary>The partner directory, referrals and transfers of protection cases.</summary>
public static class ReferralServices
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) => services
        .AddScoped<PartnerDirectory>().AddScoped<CaseSharing>().AddScoped<CaseReferrals>().AddScoped<CaseTransfers>();
}
