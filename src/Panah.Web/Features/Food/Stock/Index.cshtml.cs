using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Stock;

/// <summary>Stock balances at the staff member's offices' locations, by batch, with expiry warnings and the batch taken next (FEFO).</summary>
public sealed class IndexModel(StockQueries queries, StockOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Location { get; set; }

    public List<StockLocationView> Locations { get; private set; } = [];
    public List<StockBalanceView> Balances { get; private set; } = [];
    public int WarningDays => options.ExpiryWarningDays;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Locations = await queries.LocationsAsync(ct);
        if (Location is { } id && Locations.All(l => l.Id != id))
        {
            Location = null;
        }
        Balances = await queries.BalancesAsync(Location, null, ct);
    }
}
