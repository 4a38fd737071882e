using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Baskets;

/// <summary>
/// The basket builder: a name, a kind, rows of commodity and quantity. "Check" shows what the basket gives and how it
/// stands against Sphere without saving; "Save" keeps it. Everything is computed on the server, so it works without script.
/// </summary>
public sealed class EditModel(BasketStore store, CommodityStore commodities, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Empty rows offered after the filled ones: more appear with each check.</summary>
    public const int BlankRows = 3;

    public sealed class Row
    {
        public int? CommodityId { get; set; }
        public string? Quantity { get; set; }
    }

    public sealed class BasketForm
    {
        public string? Name { get; set; }
        public BasketKind Kind { get; set; } = BasketKind.Ration;
        public List<Row> Rows { get; set; } = [];
    }

    [BindProperty] public BasketForm Input { get; set; } = new();
    [BindProperty] public long Version { get; set; }

    public int? Id { get; private set; }
    public BasketView? Result { get; private set; }
    public List<CommodityView> Commodities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is { } existing)
        {
            if (await store.GetAsync(existing) is not { } b)
            {
                return NotFound();
            }
            Id = b.Id;
            Version = b.Version;
            Result = b;
            Input = new BasketForm { Name = b.Name, Kind = b.Kind, Rows = b.Items.Select(i => new Row { CommodityId = i.CommodityId, Quantity = FormNumbers.Field(i.Quantity) }).ToList() };
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostCheckAsync(int? id)
    {
        Id = id;
        if (ToInput() is { } input)
        {
            try
            {
                Result = await store.PreviewAsync(input);
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, Key);
            }
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        Id = id;
        if (ToInput() is { } input)
        {
            try
            {
                var saved = id is { } existing ? await store.UpdateAsync(existing, Version, input) : await store.CreateAsync(input);
                return RedirectToPage(new { id = saved.Id });
            }
            catch (KeyNotFoundException)
            {
                return NotFound();
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, Key);
            }
            catch (ConcurrencyConflictException)
            {
                ModelState.AddModelError("", l["Someone else changed this record. Reload it and apply your change again."]);
            }
        }
        return await ShowAsync();
    }

    /// <summary>The filled rows (a row with no commodity chosen is left out), or null with unreadable quantities marked.</summary>
    private BasketInput? ToInput()
    {
        var items = new List<BasketItemInput>();
        var filled = Input.Rows.Where(r => r.CommodityId is not null).ToList();
        for (var n = 0; n < filled.Count; n++)
        {
            if (FormNumbers.TryParse(filled[n].Quantity, out var quantity))
            {
                items.Add(new BasketItemInput(filled[n].CommodityId!.Value, quantity));
            }
            else
            {
                ModelState.AddModelError($"Input.Rows[{n}].Quantity", l["Food.NumberRequired"]);
            }
        }
        // Rows are shown again as the filled ones first, so an error's index is the row it is shown on.
        Input.Rows = filled;
        return ModelState.ErrorCount > 0 ? null : new BasketInput(Input.Name, Input.Kind, items);
    }

    /// <summary>The form's name for a field as the store names it (<c>items[2].quantity</c> is row 2's quantity).</summary>
    private static string Key(string field) => field switch
    {
        "name" => "Input.Name",
        "kind" => "Input.Kind",
        "items" => "Input.Rows",
        _ => "Input.Rows" + field["items".Length..].Replace(".commodityId", ".CommodityId", StringComparison.Ordinal).Replace(".quantity", ".Quantity", StringComparison.Ordinal),
    };

    private async Task<IActionResult> ShowAsync()
    {
        var used = Input.Rows.Select(r => r.CommodityId).ToHashSet();
        // An inactive commodity is offered only in a basket that already has it.
        Commodities = (await commodities.ListAsync()).Where(c => c.Active || used.Contains(c.Id)).ToList();
        Input.Rows.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new Row()));
        return Page();
    }

    /// <summary>Model-state key of a row's field, for the error tag helper.</summary>
    public static string RowKey(int n, string field) => $"Input.Rows[{n}].{field}";

    public bool HasErrors(string key) => ModelState.TryGetValue(key, out var e) && e.ValidationState == ModelValidationState.Invalid;
}
