using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Baskets;

/// <summary>Edits one commodity; the version it was read at travels with the form, so a change made in between is not overwritten.</summary>
public sealed class CommodityEditModel(CommodityStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CommodityForm Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }

    public bool Active { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await store.GetAsync(id) is not { } c)
        {
            return NotFound();
        }
        Input = CommodityForm.From(c);
        Version = c.Version;
        Active = c.Active;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await store.GetAsync(id) is not { } current)
        {
            return NotFound();
        }
        Active = current.Active;
        if (Input.ToInput(ModelState, l, current.Active) is { } input)
        {
            try
            {
                await store.UpdateAsync(id, Version, input);
                return RedirectToPage("Commodities");
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, CommodityForm.Key);
            }
            catch (ConcurrencyConflictException)
            {
                ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            }
        }
        return Page();
    }
}
