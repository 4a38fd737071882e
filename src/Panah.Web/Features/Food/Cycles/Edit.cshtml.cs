using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>Creates a cycle or changes one not yet approved; "preview" shows how many households and people the rule selects, without saving.</summary>
public sealed class EditModel(CycleStore store, PanahDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A field office as the eligibility filter's option.</summary>
    public sealed record OfficeOption(string Code, string Name);

    [BindProperty] public CycleForm Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }
    public int? Id { get; private set; }
    public EligibilityPreview? Preview { get; private set; }
    public List<FoodOption> Programmes { get; private set; } = [];
    public List<FoodOption> Baskets { get; private set; } = [];
    public List<FoodOption> Points { get; private set; } = [];
    public List<OfficeOption> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await store.GetAsync(existing, ct) is not { } cycle)
            {
                return NotFound();
            }
            Input = CycleForm.From(cycle);
            Version = cycle.Version;
            Id = existing;
        }
        else
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Input = new CycleForm { StartsOn = today, EndsOn = today.AddDays(29) };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                if (id is { } existing)
                {
                    await store.UpdateAsync(existing, Version, Input.ToInput(), ct);
                    return RedirectToPage("Details", new { id = existing });
                }
                return RedirectToPage("Details", new { id = await store.CreateAsync(Input.ToInput(), ct) });
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, field => FieldErrors.Input(field.Replace("Eligibility.", "", StringComparison.Ordinal)));
            }
            catch (KeyNotFoundException)
            {
                return NotFound();
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        Id = id;
        // A preview needs only the rule: the cycle's other fields may still be empty.
        ModelState.Clear();
        var rule = Input.Rule();
        foreach (var (field, key) in rule.Validate())
        {
            ModelState.AddModelError("Input." + field, l[key]);
        }
        if (ModelState.IsValid)
        {
            Preview = await store.PreviewAsync(rule, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Programmes = await db.FoodProgrammes.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name).Select(p => new FoodOption(p.Id, p.Name)).ToListAsync(ct);
        Baskets = await db.Baskets.AsNoTracking().Where(b => b.Items.Count > 0).OrderBy(b => b.Name).Select(b => new FoodOption(b.Id, b.Name)).ToListAsync(ct);
        Points = await db.FoodLocations.AsNoTracking().Where(x => x.Active && x.Kind == LocationKind.DistributionPoint).OrderBy(x => x.Code)
            .Select(x => new FoodOption(x.Id, x.Code + " " + x.Name)).ToListAsync(ct);
        Offices = await db.FieldOffices.AsNoTracking().OrderBy(o => o.Code).Select(o => new OfficeOption(o.Code, o.Name)).ToListAsync(ct);
    }
}
