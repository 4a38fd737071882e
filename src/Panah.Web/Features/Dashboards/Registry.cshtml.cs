using Microsoft.Extensions.Localization;
using Panah.Data.Dashboards;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Dashboards;

/// <summary>The registry dashboard: arrivals per month, households and people, the sex-and-age pyramid, specific needs, permits expiring.</summary>
public sealed class RegistryModel(DashboardOffices offices, TimeProvider clock, RegistryDashboard dashboard, IStringLocalizer<SharedResource> l) : DashboardPage(offices, clock)
{
    public static readonly string[] AgeLabels = ["0–4", "5–11", "12–17", "18–59", "60+"];

    public override DashboardSection Section => DashboardSection.Registry;
    public RegistryFigures Figures { get; private set; } = null!;
    public IReadOnlyList<DashboardChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await dashboard.ForAsync(await ResolveAsync(ct), ct);
        Charts = For(Figures, l);
    }

    public static IReadOnlyList<DashboardChart> For(RegistryFigures f, IStringLocalizer l) =>
    [
        new("registry-arrivals", l["Dashboards.Registry.Arrivals"], "bar", l["Dashboards.Month"], [.. f.Arrivals.Select(a => DashboardQuery.Format(a.Month))],
            [new(l["Dashboards.Households"], [.. f.Arrivals.Select(a => (double?)a.Count)])]),
        new("registry-pyramid", l["Dashboards.Registry.Pyramid"], "hbar", l["Dashboards.Age"], [.. AgeLabels, l["Pdm.AgeUnknown"]],
            [.. f.Pyramid.Select(r => new ChartSeries(l["Sex." + EnumNames.Name(r.Sex)], [.. r.Ages.Select(a => (double?)a)]))]),
        new("registry-needs", l["Dashboards.Registry.Needs"], "hbar", l["Dashboards.Need"], [.. f.Needs.Select(n => l["Vulnerability." + EnumNames.Name(n.Need)].Value)],
            [new(l["Dashboards.People"], [.. f.Needs.Select(n => (double?)n.Count)])]),
        new("registry-permits", l["Dashboards.Registry.Permits"], "bar", l["Dashboards.Within"],
            [string.Format(l["Dashboards.Days"], 30), string.Format(l["Dashboards.Days"], 60), string.Format(l["Dashboards.Days"], 90)],
            [new(l["Dashboards.People"], [f.Permits.Within30, f.Permits.Within60, f.Permits.Within90])]),
    ];
}
