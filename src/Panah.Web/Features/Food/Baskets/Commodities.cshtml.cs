using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Baskets;

/// <summary>The commodity list: planning values per 100 g, unit and pack; the programme manager adds and deactivates here.</summary>
public sealed class CommoditiesModel(CommodityStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CommodityForm Input { get; set; } = new();

    public List<CommodityView> Commodities { get; private set; } = [];

    public async Task OnGetAsync() => Commodities = await store.ListAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (Input.ToInput(ModelState, l) is { } input)
        {
            try
            {
                await store.CreateAsync(input);
                return RedirectToPage();
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, CommodityForm.Key);
            }
        }
        Commodities = await store.ListAsync();
        return Page();
    }

    /// <summary>Deactivates (or reactivates) a commodity last seen at <paramref name="version"/>.</summary>
    public async Task<IActionResult> OnPostActiveAsync(int id, long version, bool active)
    {
        try
        {
            await store.SetActiveAsync(id, version, active);
            return RedirectToPage();
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (ConcurrencyConflictException)
        {
            ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
        }
        Commodities = await store.ListAsync();
        return Page();
    }
}

/// <summary>The commodity form's fields, numbers as typed (see <see cref="FormNumbers"/>).</summary>
public sealed class CommodityForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kcal { get; set; }
    public string? Protein { get; set; }
    public string? Fat { get; set; }
    public string? Unit { get; set; } = "kg";
    public string? PackGrams { get; set; }
    public string? PackLabel { get; set; }

    /// <summary>The API's field names → this form's.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["code"] = nameof(Code), ["name"] = nameof(Name), ["kcalPer100g"] = nameof(Kcal), ["proteinPer100g"] = nameof(Protein),
        ["fatPer100g"] = nameof(Fat), ["unit"] = nameof(Unit), ["packGrams"] = nameof(PackGrams), ["packLabel"] = nameof(PackLabel),
    };

    public static CommodityForm From(CommodityView c) => new()
    {
        Code = c.Code, Name = c.Name, Kcal = FormNumbers.Field(c.KcalPer100g), Protein = FormNumbers.Field(c.ProteinPer100g),
        Fat = FormNumbers.Field(c.FatPer100g), Unit = c.Unit, PackGrams = FormNumbers.Field(c.PackGrams), PackLabel = c.PackLabel,
    };

    /// <summary>The typed values, or null with the unreadable numbers marked in <paramref name="state"/>.</summary>
    public CommodityInput? ToInput(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer l, bool active = true)
    {
        double Number(string? text, string field)
        {
            if (FormNumbers.TryParse(text, out var value))
            {
                return value;
            }
            state.AddModelError("Input." + field, l["Food.NumberRequired"]);
            return 0;
        }
        var kcal = Number(Kcal, nameof(Kcal));
        var protein = Number(Protein, nameof(Protein));
        var fat = Number(Fat, nameof(Fat));
        var pack = Number(PackGrams, nameof(PackGrams));
        return state.ErrorCount > 0 ? null : new CommodityInput(Code?.Trim(), Name, kcal, protein, fat, Unit, pack is >= 0 and <= int.MaxValue ? (int)Math.Round(pack) : 0, PackLabel, active);
    }

    /// <summary>The form's name for a field as the store names it.</summary>
    public static string Key(string field) => "Input." + Fields.GetValueOrDefault(field, field);
}
