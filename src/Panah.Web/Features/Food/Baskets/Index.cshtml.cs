using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Baskets;

/// <summary>Every basket and kit, with whether each ration meets the Sphere minimums.</summary>
public sealed class IndexModel(BasketStore store) : PageModel
{
    public List<BasketView> Baskets { get; private set; } = [];

    public async Task OnGetAsync() => Baskets = await store.ListAsync();
}
