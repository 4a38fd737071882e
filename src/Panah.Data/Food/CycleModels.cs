using Panah.Core.Food;

namespace Panah.Data.Food;

/// <summary>A cycle as pages and the API show it.</summary>
public sealed record CycleView(
    int Id, int ProgrammeId, string ProgrammeName, string Name, DateOnly StartsOn, DateOnly EndsOn, int DaysCovered, int BasketId, string BasketName,
    BasketKind BasketKind, EligibilityRule Eligibility, int? MultiplierCap, CycleStatus Status, string? GeneratedBy, DateTimeOffset? GeneratedAt,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, IReadOnlyList<int> PointIds, long Version);

/// <summary>What a cycle's form sets.</summary>
public sealed record CycleInput(
    int ProgrammeId, string Name, DateOnly StartsOn, DateOnly EndsOn, int DaysCovered, int BasketId, EligibilityRule Eligibility, int? MultiplierCap, IReadOnlyList<int> PointIds);

/// <summary>One line of the cycle list.</summary>
public sealed record CycleSummary(int Id, string ProgrammeName, string Name, DateOnly StartsOn, DateOnly EndsOn, CycleStatus Status);

/// <summary>Packs and tonnes of one commodity over a cycle's entitlements.</summary>
public sealed record CommodityTotal(int CommodityId, string Code, string Name, string PackLabel, long Packs, decimal Tonnes);

/// <summary>What a cycle's entitlements add up to (cancelled ones left out), and how many are in each state.</summary>
public sealed record CycleTotals(int Households, long People, IReadOnlyList<CommodityTotal> Commodities, IReadOnlyDictionary<EntitlementStatus, int> ByStatus)
{
    public decimal Tonnes => Commodities.Sum(c => c.Tonnes);
}

/// <summary>A programme or a location as a form's option.</summary>
public sealed record FoodOption(int Id, string Name);
