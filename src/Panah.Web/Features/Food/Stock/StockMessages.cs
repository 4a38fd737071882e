using Microsoft.Extensions.Localization;
using Panah.Core;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Stock;

/// <summary>What a refused posting tells the person who posted it, in their language.</summary>
public static class StockMessages
{
    public static string For(IStringLocalizer l, string code) => code switch
    {
        "Stock.KindNotPosted" => l["Choose a receipt, a transfer, a loss or an adjustment (distributions are posted from collections)."],
        "Stock.PacksOutOfRange" => l["Give a whole number of packs, more than zero (an adjustment may be negative), at most one million."],
        "Stock.UnknownLocation" => l["Choose one of your offices' warehouses or distribution points."],
        "Stock.UnknownDestination" => l["Choose another of your offices' warehouses or distribution points to transfer to."],
        "Stock.UnknownCommodity" => l["Choose a commodity from the list."],
        "Stock.SourceRequired" => l["Say whether the stock comes from a donor or a purchase."],
        "Stock.ReasonRequired" => l["Write why stock was lost or adjusted."],
        "Stock.TextTooLong" => l["This text is too long."],
        "Stock.ExpiryOnlyOnArrival" => l["An expiry date is given only for stock arriving: stock taken out keeps its batch's date."],
        "Stock.BatchExpiryDiffers" => l["This batch is already here with another expiry date: check the batch code and the date."],
        PlainText.Refused => l[PlainText.Refused],
        _ => l["The input is not valid."],
    };

    public static string Shortage(IStringLocalizer l, StockShortageException e, string commodity) =>
        l["Not enough stock: {0} packs of {1} are missing at this location. Nothing was posted.", e.PacksShort, commodity];
}
