using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Monitoring;

/// <summary>A cycle's monitoring sample: draw it once (with a seed that is shown), then see its working and the households to survey.</summary>
public sealed class SampleModel(PdmSamples samples, MonitoringDashboard dashboard, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Cycle { get; set; }

    /// <summary>Left blank, Panah picks one; either way it is shown and kept, so the draw can be repeated.</summary>
    [BindProperty, Range(1, int.MaxValue)] public int? Seed { get; set; }

    public IReadOnlyList<(int Id, string Name)> Cycles { get; private set; } = [];
    public SampleDto? Sample { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct)
    {
        if (Cycle is not { } cycle)
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            switch (await samples.DrawAsync(cycle, Seed ?? Random.Shared.Next(1, 1_000_000), ct))
            {
                case DrawOutcome.CycleNotFound:
                    return NotFound();
                case DrawOutcome.AlreadyDrawn:
                    ModelState.AddModelError(nameof(Seed), l["Pdm.AlreadyDrawn"]);
                    break;
                default:
                    return RedirectToPage(new { cycle });
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cycles = await dashboard.CyclesAsync(ct);
        Cycle ??= Cycles.Count > 0 ? Cycles[0].Id : null;
        if (Cycle is { } id && await samples.FindAsync(id, ct) is { } s)
        {
            Sample = MonitoringApi.ToDto(s);
        }
    }
}
