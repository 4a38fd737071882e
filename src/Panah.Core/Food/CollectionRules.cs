namespace Panah.Core.Food;

/// <summary>Packs of one commodity: what is due on an entitlement (<see cref="Packs"/> in all, <see cref="Collected"/> so far).</summary>
public readonly record struct PacksDue(int CommodityId, int Packs, int Collected)
{
    public int Remaining => Packs - Collected;
}

/// <summary>Packs of one commodity a clerk hands over.</summary>
public readonly record struct PacksHanded(int CommodityId, int Packs);

/// <summary>
/// A programme's collection rules, applied when a clerk records a collection. A second round on the same entitlement
/// (the rest of a partial collection) is the same collection finished, not a new one: the minimum days between
/// collections count from the household's collections of other entitlements.
/// </summary>
public static class CollectionRules
{
    public const string TooSoon = "Redemption.TooSoon";
    public const string OnePerCycle = "Redemption.OnePerCycle";
    public const string NothingDue = "Redemption.NothingDue";
    public const string UnknownItem = "Redemption.UnknownItem";
    public const string TooManyPacks = "Redemption.TooManyPacks";

    /// <summary>
    /// Why this collection may not happen now, or null. <paramref name="earlierRounds"/> counts this entitlement's
    /// collections so far; <paramref name="lastOtherCollection"/> is the household's latest collection of another entitlement.
    /// </summary>
    public static string? Refusal(int minDaysBetweenCollections, bool oneCollectionPerCycle, int earlierRounds, DateTimeOffset? lastOtherCollection, DateTimeOffset now)
    {
        // One collection per cycle: a partial collection leaves the rest due (it is counted as not collected), but no second visit collects it.
        if (oneCollectionPerCycle && earlierRounds > 0)
        {
            return OnePerCycle;
        }
        if (minDaysBetweenCollections > 0 && lastOtherCollection is { } last && now < last.AddDays(minDaysBetweenCollections))
        {
            return TooSoon;
        }
        return null;
    }

    /// <summary>
    /// What to hand over: the packs asked for (a partial collection, when an item is out of stock), or everything
    /// still due when nothing is asked. The error is one of this class's codes; a commodity asked twice is summed.
    /// </summary>
    public static (IReadOnlyList<PacksHanded> Items, string? Error) HandOver(IReadOnlyList<PacksDue> due, IReadOnlyList<PacksHanded>? asked)
    {
        if (asked is null || asked.Count == 0)
        {
            var all = due.Where(d => d.Remaining > 0).Select(d => new PacksHanded(d.CommodityId, d.Remaining)).ToList();
            return all.Count == 0 ? ([], NothingDue) : (all, null);
        }
        var byCommodity = due.ToDictionary(d => d.CommodityId);
        var items = new List<PacksHanded>();
        foreach (var group in asked.GroupBy(a => a.CommodityId))
        {
            var packs = group.Sum(a => (long)a.Packs);
            if (!byCommodity.TryGetValue(group.Key, out var d) || group.Any(a => a.Packs <= 0))
            {
                return ([], UnknownItem);
            }
            if (packs > d.Remaining)
            {
                return ([], d.Remaining == 0 ? NothingDue : TooManyPacks);
            }
            items.Add(new PacksHanded(group.Key, (int)packs));
        }
        return (items, null);
    }
}
