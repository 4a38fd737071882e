using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Panah.Data.Food;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Stock;

/// <summary>Receipt, transfer, loss or adjustment at one of the staff member's offices' locations: one form, the kind chosen first.</summary>
public sealed class PostModel(StockLedger ledger, StockQueries queries, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class PostingInput
    {
        public PostedKind Kind { get; set; } = PostedKind.Receipt;
        [Required] public int? Location { get; set; }
        public int? ToLocation { get; set; }
        [Required] public int? Commodity { get; set; }
        [Required] public int? Packs { get; set; }
        [StringLength(StockLimits.MaxBatchLength)] public string? Batch { get; set; }
        public DateOnly? ExpiresOn { get; set; }
        public ReceiptSource? Source { get; set; }
        [StringLength(StockLimits.MaxTextLength)] public string? Reference { get; set; }
        [StringLength(StockLimits.MaxTextLength)] public string? Reason { get; set; }
    }

    [BindProperty] public PostingInput Input { get; set; } = new();

    public List<StockLocationView> Locations { get; private set; } = [];
    public List<StockCommodityView> Commodities { get; private set; } = [];

    /// <summary>The batches at the chosen location, earliest expiry first: what a withdrawal without a batch will take.</summary>
    public List<StockBalanceView> Suggested { get; private set; } = [];
    public StockPosted? Posted { get; private set; }

    public async Task OnGetAsync(PostedKind? kind, int? location, CancellationToken ct)
    {
        Input.Kind = kind ?? PostedKind.Receipt;
        Input.Location = location;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                Posted = await ledger.PostAsync(new StockPosting((StockMovementKind)Input.Kind, Input.Location!.Value, Input.Commodity!.Value, Input.Packs!.Value)
                {
                    ToLocationId = Input.Kind == PostedKind.Transfer ? Input.ToLocation : null,
                    Batch = Input.Batch,
                    ExpiresOn = Input.ExpiresOn,
                    Source = Input.Kind == PostedKind.Receipt ? Input.Source : null,
                    Reference = string.IsNullOrWhiteSpace(Input.Reference) ? null : Input.Reference.Trim(),
                    Reason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim(),
                }, ct);
            }
            catch (FieldException e)
            {
                ModelState.AddFieldErrors(e, l, field => FieldErrors.Input(char.ToUpperInvariant(field[0]) + field[1..]));
            }
            catch (StockShortageException e)
            {
                var name = (await queries.CommoditiesAsync(ct)).FirstOrDefault(c => c.Id == e.CommodityId)?.Name ?? "";
                ModelState.AddModelError("Input.Packs", StockMessages.Shortage(l, e, name));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Locations = await queries.LocationsAsync(ct);
        Commodities = await queries.CommoditiesAsync(ct);
        if (Input.Location is { } location && Locations.Any(x => x.Id == location))
        {
            Suggested = await queries.BalancesAsync(location, Input.Commodity, ct);
        }
    }
}
