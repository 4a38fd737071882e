using Microsoft.AspNetCore.Authorization;
using Panah.Data.Dashboards;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Dashboards;

/// <summary>
/// The NGO overview: the headline figures of each section the viewer's policies open, for the office and period chosen,
/// each linking to its programme's dashboard. A section whose policy the viewer lacks is not computed or shown.
/// </summary>
public sealed class IndexModel(DashboardOffices offices, TimeProvider clock, IAuthorizationService authorization, IServiceProvider services) : DashboardPage(offices, clock)
{
    public override DashboardSection Section => DashboardSection.Registry;
    public RegistryFigures? Registry { get; private set; }
    public FoodFigures? Food { get; private set; }
    public EducationFigures? Education { get; private set; }
    public ProtectionFigures? Protection { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = await ResolveAsync(ct);
        if (await Allowed(Policies.DashboardRegistry))
        {
            Registry = await services.GetRequiredService<RegistryDashboard>().ForAsync(filter, ct);
        }
        if (await Allowed(Policies.DashboardFood))
        {
            Food = await services.GetRequiredService<FoodDashboard>().ForAsync(filter, ct);
        }
        if (await Allowed(Policies.DashboardEducation))
        {
            Education = await services.GetRequiredService<EducationDashboard>().ForAsync(filter, ct);
        }
        if (await Allowed(Policies.DashboardProtection))
        {
            Protection = await services.GetRequiredService<ProtectionDashboard>().ForAsync(filter, ct);
        }
    }

    private async Task<bool> Allowed(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>The same filter for a section's page.</summary>
    public string Query => $"?office={Uri.EscapeDataString(Office ?? "")}&from={From}&to={To}";
}
