using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Stock;

/// <summary>The ledger's lines at the staff member's offices' locations, newest first.</summary>
public sealed class HistoryModel(StockQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Location { get; set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }

    public List<StockLocationView> Locations { get; private set; } = [];
    public List<StockLineView> Lines { get; private set; } = [];
    public StockCodes Codes { get; private set; } = new(new Dictionary<int, string>(), new Dictionary<int, string>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        Locations = await queries.LocationsAsync(ct);
        if (Location is { } id && Locations.All(l => l.Id != id))
        {
            Location = null;
        }
        Lines = await queries.MovementsAsync(Location, null, Before, ct);
        Codes = await queries.CodesAsync(ct);
    }
}
