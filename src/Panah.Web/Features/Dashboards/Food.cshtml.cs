using Microsoft.Extensions.Localization;
using Panah.Data.Dashboards;

namespace Panah.Web.Features.Dashboards;

/// <summary>The food dashboard: people reached, tonnes and collection rate per cycle starting in the period, and the CARI of its monitoring surveys.</summary>
public sealed class FoodModel(DashboardOffices offices, TimeProvider clock, FoodDashboard dashboard, IStringLocalizer<SharedResource> l) : DashboardPage(offices, clock)
{
    public override DashboardSection Section => DashboardSection.Food;
    public FoodFigures Figures { get; private set; } = null!;
    public IReadOnlyList<DashboardChart> Charts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Figures = await dashboard.ForAsync(await ResolveAsync(ct), ct);
        var cycles = Figures.Cycles.Select(c => c.Name).ToList();
        Charts =
        [
            new("food-people", l["Dashboards.Food.PeopleReached"], "bar", l["Dashboards.Cycle"], cycles,
                [new(l["Dashboards.People"], [.. Figures.Cycles.Select(c => (double?)c.PeopleReached)])]),
            new("food-tonnes", l["Dashboards.Food.Tonnes"], "bar", l["Dashboards.Cycle"], cycles,
                [new(l["Dashboards.Food.TonnesUnit"], [.. Figures.Cycles.Select(c => (double?)c.Tonnes)])], "N1"),
            new("food-collection", l["Dashboards.Food.CollectionRate"], "bar", l["Dashboards.Cycle"], cycles,
                [new(l["Dashboards.Percent"], [.. Figures.Cycles.Select(c => c.CollectionRate * 100)])], "N0"),
            new("food-cari", string.Format(l["Dashboards.Food.Cari"], Figures.Cari.Surveyed), "bar", l["Dashboards.Food.CariCategory"],
                [l["Pdm.Cari.1"], l["Pdm.Cari.2"], l["Pdm.Cari.3"], l["Pdm.Cari.4"]],
                [new(l["Dashboards.Households"], [.. Figures.Cari.Counts.Select(c => (double?)c)])]),
        ];
    }
}
