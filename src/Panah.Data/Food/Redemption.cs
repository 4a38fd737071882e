using Panah.Data.Access;

namespace Panah.Data.Food;

/// <summary>
/// One collection against an entitlement at a point: who collected (the head or a registered alternate), which
/// clerk, when, and what. Round 1 is the first collection; a partial one leaves the rest for round 2. The
/// database refuses a second row for the same entitlement and round, and a second use of an idempotency key.
/// </summary>
public sealed class Redemption : IHouseholdScoped
{
    public Guid Id { get; set; }
    public Guid EntitlementId { get; set; }
    public int Round { get; set; } = 1;
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public int LocationId { get; set; }
    public Guid? CardId { get; set; }
    public Guid CollectedByPersonId { get; set; }
    public required string StaffUserId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The client's key: the same key retried returns this redemption instead of a second one.</summary>
    public required string IdempotencyKey { get; set; }
    public List<RedemptionItem> Items { get; set; } = [];
}

/// <summary>Packs of one commodity handed over in a redemption.</summary>
public sealed class RedemptionItem
{
    public Guid RedemptionId { get; set; }
    public int CommodityId { get; set; }
    public int Packs { get; set; }
}
