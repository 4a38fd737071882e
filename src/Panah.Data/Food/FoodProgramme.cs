namespace Panah.Data.Food;

/// <summary>A food assistance programme and its collection rules; it runs distribution cycles.</summary>
public sealed class FoodProgramme
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>A household collects again only this many days after its last collection (0: no limit).</summary>
    public int MinDaysBetweenCollections { get; set; }

    /// <summary>At most one collection per household per cycle.</summary>
    public bool OneCollectionPerCycle { get; set; } = true;
    public bool Active { get; set; } = true;
}

public enum CycleStatus
{
    /// <summary>Being prepared: dates, basket, points and the eligibility rule can change.</summary>
    Draft = 1,

    /// <summary>Entitlements generated and waiting for a second person's approval.</summary>
    Generated = 2,
    Approved = 3,
    Closed = 4,
}

/// <summary>One distribution round of a programme: its dates, basket, days covered, points and who is eligible.</summary>
public sealed class DistributionCycle
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public FoodProgramme? Programme { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>Days the ration covers (a ration basket's entitlement is members × grams × days).</summary>
    public int DaysCovered { get; set; }
    public int BasketId { get; set; }
    public Basket? Basket { get; set; }

    /// <summary>The eligibility rule as JSON (everyone registered, or filters); its shape belongs to the cycle rules.</summary>
    public string Eligibility { get; set; } = "{}";

    /// <summary>An optional cap on the household-size multiplier (a household of 14 counted as at most this many).</summary>
    public int? MultiplierCap { get; set; }
    public CycleStatus Status { get; set; } = CycleStatus.Draft;
    public string? GeneratedBy { get; set; }
    public DateTimeOffset? GeneratedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public List<CyclePoint> Points { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A distribution point serving a cycle.</summary>
public sealed class CyclePoint
{
    public int CycleId { get; set; }
    public int LocationId { get; set; }
    public FoodLocation? Location { get; set; }
}
