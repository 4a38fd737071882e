using Microsoft.Extensions.Localization;
using Panah.Data.Dashboards;

namespace Panah.Web.Features.Dashboards;

/// <summary>The protection dashboard: open cases by type and risk and overdue tasks in the case worker's own scope, counts only, small ones hidden.</summary>
public sealed class ProtectionModel(DashboardOffices offices, TimeProvider clock, ProtectionDashboard dashboard, IStringLocalizer<SharedResource> l) : DashboardPage(offices, clock)
{
    public override DashboardSection Section => DashboardSection.Protection;
    public ProtectionFigures Figures { get; private set; } = null!;
    public DashboardChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await dashboard.ForAsync(await ResolveAsync(ct), ct);
        var f = Figures;
        Chart = new("protection-open", l["Dashboards.Protection.Open"], "hbar", l["Dashboards.Protection.Type"],
            [.. f.Types.Select(t => l["Protection.Type." + t].Value), l["Pdm.Total"].Value],
            [.. f.Risks.Select((r, c) => new ChartSeries(l["Protection.Risk." + r], [.. f.Open.Select(row => (double?)row[c]), f.OpenByRisk[c]]))]);
    }
}
