using System.Globalization;
using Panah.Core.Food;
using Panah.Data.Food;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Food.Redeem;

internal static class RedeemMapping
{
    public static CardDueDto ToDto(CardDue d) => new(
        d.CardNumber, d.HouseholdCode, d.Members,
        [.. d.Collectors.Select(c => new CollectorDto(c.PersonId, c.IsHead, c.Name is { } n ? RegistryMapping.ToDto(n) : null) { Shown = d.Shown })],
        [.. d.Due.Select(e => new DueEntitlementDto(e.EntitlementId, e.CycleId, e.Cycle, e.EndsOn,
            [.. e.Items.Select(i => new DueItemDto(i.CommodityId, i.Commodity, i.PackLabel, i.Packs, i.Collected, i.Remaining))]))],
        d.LastCollection is { } c ? new CollectionDto(c.At, c.LocationId, c.Point, c.Clerk) : null)
    {
        Shown = d.Shown,
    };

    public static RedemptionDto ToDto(RedemptionView r) => new(
        r.Id, r.EntitlementId, r.Round, r.CollectedBy, r.LocationId, r.Point, r.At, [.. r.Items.Select(ToDto)]);

    private static PacksDto ToDto(PacksHanded p) => new(p.CommodityId, p.Packs);

    /// <summary>A moment as a clerk reads it, in the page's language, in UTC (said so).</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) + " UTC";
}
