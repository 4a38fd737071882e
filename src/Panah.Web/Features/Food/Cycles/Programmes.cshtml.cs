using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>Food programmes and their collection rules: the list and the form to add one.</summary>
public sealed class ProgrammesModel(FoodProgrammeStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class ProgrammeInput
    {
        [Required, StringLength(100), PlainText] public string Name { get; set; } = "";
        [Range(0, FoodProgrammeStore.MaxMinDays)] public int MinDaysBetweenCollections { get; set; }
        public bool OneCollectionPerCycle { get; set; } = true;
    }

    [BindProperty] public ProgrammeInput Input { get; set; } = new();
    public List<ProgrammeView> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programmes = await store.ProgrammesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await store.AddProgrammeAsync(Input.Name, Input.MinDaysBetweenCollections, Input.OneCollectionPerCycle, ct) is { } problem)
        {
            ModelState.AddModelError("Input.Name", l[problem]);
        }
        if (!ModelState.IsValid)
        {
            Programmes = await store.ProgrammesAsync(ct);
            return Page();
        }
        return RedirectToPage();
    }
}
