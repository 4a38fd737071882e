using Panah.Data.Access;

namespace Panah.Data.Food;

public enum AdjustmentStatus
{
    Proposed = 1,
    Accepted = 2,
    Rejected = 3,
}

/// <summary>
/// A change to an approved entitlement that its household's new size would bring, waiting for a manager: an approved
/// entitlement never changes by itself when the household does. Accepting applies <see cref="Items"/>; rejecting
/// keeps the entitlement as approved.
/// </summary>
public sealed class EntitlementAdjustment : IHouseholdScoped
{
    public Guid Id { get; set; }
    public Guid EntitlementId { get; set; }
    public int CycleId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public int OldMembers { get; set; }
    public int NewMembers { get; set; }
    public AdjustmentStatus Status { get; set; } = AdjustmentStatus.Proposed;
    public DateTimeOffset ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public List<EntitlementAdjustmentItem> Items { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>The packs of one commodity the entitlement would have after the adjustment.</summary>
public sealed class EntitlementAdjustmentItem
{
    public Guid AdjustmentId { get; set; }
    public int CommodityId { get; set; }
    public int Packs { get; set; }
}
