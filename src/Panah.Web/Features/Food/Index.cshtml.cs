using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Panah.Web.Features.Food;

/// <summary>The food assistance hub: one section per part (baskets, cycles, cards, distribution, stock, monitoring), each shown to the roles it serves.</summary>
public sealed class IndexModel : PageModel;
