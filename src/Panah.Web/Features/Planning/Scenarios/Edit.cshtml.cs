using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Planning;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Planning.Scenarios;

/// <summary>A new scenario, or a stored one changed or removed; a change someone else saved first is refused (the version).</summary>
public sealed class EditModel(ScenarioStore store, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public ScenarioForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            Input.Start = ScenariosApi.NextMonth(clock);
            return Page();
        }
        if (await store.GetAsync(id, ct) is not { } stored)
        {
            return NotFound();
        }
        Input = ScenarioForm.Of(stored);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (scenario, errors) = PlanningMapping.ToScenario(Input.ToBody(), ScenariosApi.NextMonth(clock));
        if (scenario is null)
        {
            ModelState.AddFieldErrors(errors, l, ScenarioForm.FieldOf);
            return Page();
        }
        try
        {
            var saved = Id is { } id ? await store.UpdateAsync(id, Input.Version, scenario, ct) : await store.CreateAsync(scenario, ct);
            return Redirect($"/Planning/Scenarios/View?id={saved.Id}");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (FieldException e)
        {
            ModelState.AddFieldErrors(e, l, ScenarioForm.FieldOf);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        try
        {
            await store.DeleteAsync(id, Input.Version, ct);
            return Redirect("/Planning/Scenarios");
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            return Page();
        }
    }
}
