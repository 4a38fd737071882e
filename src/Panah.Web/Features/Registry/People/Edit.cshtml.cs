using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Registry.People;

/// <summary>
/// Correct a person's registration. A stale form (someone else saved first) is refused, never merged silently; the
/// store keeps the consent history (an unticked purpose is withdrawn, not erased).
/// </summary>
public sealed class EditModel(RegistryStore store, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [BindProperty] public PersonInput Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }

    public PersonView Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await store.GetPersonAsync(id, ct) is not { } person)
        {
            return NotFound();
        }
        if (person.IsErased)
        {
            return StatusCode(StatusCodes.Status410Gone);
        }
        Person = person;
        Input = RegistryMapping.ToInput(person.Details);
        Version = person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await store.GetPersonAsync(id, ct) is not { } person)
        {
            return NotFound();
        }
        if (person.IsErased)
        {
            return StatusCode(StatusCodes.Status410Gone);
        }
        Person = person;
        RegistryMapping.DropBlankRows(Input);
        var map = new RegistryMapping();
        var details = map.Person(Input, "Person.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        ModelState.AddFieldErrors(map.WithRuleErrors(RegistryValidator.Validate(details, today).ToDictionary(kv => "Person." + kv.Key, kv => kv.Value)), l,
            key => FieldErrors.Input(key["Person.".Length..]));
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        try
        {
            await store.UpdatePersonAsync(id, Version, details, ct);
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            return Page();
        }
        TempData["Flash"] = (string)l["Changes saved."];
        return RedirectToPage("/Registry/Households/Details", new { id = person.HouseholdId });
    }
}
