using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Dashboards;

/// <summary>The dashboards' queries (one per section) and the donor report.</summary>
public static class DashboardServices
{
    public static IServiceCollection AddDashboards(this IServiceCollection services) => services
        .AddScoped<DashboardOffices>().AddScoped<Demo.IDemoPart, DashboardsDemo>()
        .AddScoped<RegistryDashboard>().AddScoped<FoodDashboard>().AddScoped<EducationDashboard>().AddScoped<ProtectionDashboard>();
}
