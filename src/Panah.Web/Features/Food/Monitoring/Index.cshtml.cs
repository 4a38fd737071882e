using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Core.Registry;
using Panah.Data.Food;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Food.Monitoring;

/// <summary>The monitoring dashboard: a cycle's indicators by district and specific-need group, the trend, people reached by sex and age. Aggregates only.</summary>
public sealed class IndexModel(MonitoringDashboard dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Cycle { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Need { get; set; }

    public IReadOnlyList<(int Id, string Name)> Cycles { get; private set; } = [];
    public IReadOnlyList<string> Districts { get; private set; } = [];
    public IndicatorsDto? Figures { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Cycles = await dashboard.CyclesAsync(ct);
        Districts = await dashboard.DistrictsAsync(ct);
        Cycle ??= Cycles.Count > 0 ? Cycles[0].Id : null;
        Vulnerability? need = EnumNames.TryParse<Vulnerability>(Need, out var v) ? v : null;
        District = Districts.Contains(District ?? "") ? District : null;
        if (Cycle is { } id && await dashboard.ForCycleAsync(id, new MonitoringFilter(District, need), ct) is { } figures)
        {
            Figures = MonitoringApi.ToDto(figures);
        }
    }

    /// <summary>A count as shown: hidden small cells as a dash (the legend says why).</summary>
    public static string Show(int? count) => count?.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "–";

    public static string Percent(double? share) => share is { } s ? s.ToString("P0", System.Globalization.CultureInfo.CurrentCulture) : "–";
}
