namespace Panah.Data.Food;

/// <summary>
/// A posting would take more packs of a commodity than a location holds: refused, and nothing of the posting is
/// written. The redemption API maps it to a conflict naming the commodity and how many packs are missing.
/// </summary>
public sealed class StockShortageException(int locationId, int commodityId, int packsShort)
    : InvalidOperationException($"Location {locationId} lacks {packsShort} packs of commodity {commodityId}.")
{
    public int LocationId { get; } = locationId;
    public int CommodityId { get; } = commodityId;
    public int PacksShort { get; } = packsShort;
}
