using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Data;
using Panah.Data.Food;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>Warehouses and distribution points, each belonging to a field office: the list and the form to add one.</summary>
public sealed class LocationsModel(FoodProgrammeStore store, PanahDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class LocationInput
    {
        [Required, StringLength(20)] public string Code { get; set; } = "";
        [Required, StringLength(100), PlainText] public string Name { get; set; } = "";
        public LocationKind Kind { get; set; } = LocationKind.DistributionPoint;
        public int FieldOfficeId { get; set; }
    }

    /// <summary>A field office as the form's option.</summary>
    public sealed record OfficeOption(int Id, string Code, string Name);

    [BindProperty] public LocationInput Input { get; set; } = new();
    public List<LocationView> Locations { get; private set; } = [];
    public List<OfficeOption> Offices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await store.AddLocationAsync(Input.Code, Input.Name, Input.Kind, Input.FieldOfficeId, ct) is { } problem)
        {
            ModelState.AddModelError("Input.Code", l[problem]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Locations = await store.LocationsAsync(ct);
        Offices = await db.FieldOffices.AsNoTracking().OrderBy(o => o.Code).Select(o => new OfficeOption(o.Id, o.Code, o.Name)).ToListAsync(ct);
    }
}
