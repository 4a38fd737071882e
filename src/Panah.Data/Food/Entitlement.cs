using Panah.Data.Access;

namespace Panah.Data.Food;

public enum EntitlementStatus
{
    Draft = 1,
    Approved = 2,

    /// <summary>Every pack collected (a partial collection leaves it <see cref="Approved"/> with the rest due).</summary>
    Collected = 3,
    Cancelled = 4,
    Expired = 5,
}

/// <summary>
/// What one household is due in one cycle. Fixed when generated (members counted then); once approved it never
/// changes silently when the household changes: a change shows as a proposed adjustment.
/// </summary>
public sealed class Entitlement : IHouseholdScoped
{
    public Guid Id { get; set; }
    public int CycleId { get; set; }
    public DistributionCycle? Cycle { get; set; }
    public Guid HouseholdId { get; set; }

    /// <summary>The household's field office when generated: the access scope filters on it without a join.</summary>
    public int FieldOfficeId { get; set; }

    /// <summary>Household members counted (before any multiplier cap).</summary>
    public int Members { get; set; }
    public EntitlementStatus Status { get; set; } = EntitlementStatus.Draft;

    /// <summary>Why it was cancelled or expired (staff's words, no personal data).</summary>
    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<EntitlementItem> Items { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>Packs of one commodity due on an entitlement, and how many were collected so far.</summary>
public sealed class EntitlementItem
{
    public Guid EntitlementId { get; set; }
    public int CommodityId { get; set; }
    public Commodity? Commodity { get; set; }
    public int Packs { get; set; }
    public int CollectedPacks { get; set; }
}
