using Microsoft.Extensions.Localization;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Stock;

/// <summary>What a posting refused for want of stock tells the person who posted it, in their language (its other refusals are message keys).</summary>
public static class StockMessages
{
    public static string Shortage(IStringLocalizer l, StockShortageException e, string commodity) =>
        l["Not enough stock: {0} packs of {1} are missing at this location. Nothing was posted.", e.PacksShort, commodity];
}
