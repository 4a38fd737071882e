using Panah.Core.Food;

namespace Panah.Data.Food;

/// <summary>A cycle's basket line as the entitlement arithmetic needs it.</summary>
public sealed record BasketLine(int CommodityId, double Quantity, int PackGrams);

/// <summary>The packs per commodity a household of a given size is due in a cycle (<see cref="EntitlementRules"/>).</summary>
public static class EntitlementPacks
{
    public static List<BasketLine> Lines(Basket basket) =>
        basket.Items.Select(i => new BasketLine(i.CommodityId, i.Quantity, i.Commodity?.PackGrams ?? throw new InvalidOperationException("Basket items need their commodity."))).ToList();

    public static IEnumerable<(int CommodityId, int Packs)> For(BasketKind kind, IEnumerable<BasketLine> lines, int members, DistributionCycle cycle) =>
        lines.Select(l => (l.CommodityId, kind == BasketKind.Kit
            ? EntitlementRules.KitPacks(l.Quantity)
            : EntitlementRules.RationPacks(members, cycle.MultiplierCap, l.Quantity, cycle.DaysCovered, l.PackGrams)));
}
