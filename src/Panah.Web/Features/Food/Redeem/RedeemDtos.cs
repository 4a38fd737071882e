using Panah.Data.Access;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Food.Redeem;

/// <summary>Who may collect: the head or an alternate collector; the name only for a reader shown it.</summary>
public sealed record CollectorDto(Guid PersonId, bool IsHead, [property: Field(RegistryFields.HeadName)] NameDto? Name) : ShownFields;

public sealed record DueItemDto(int CommodityId, string Commodity, string PackLabel, int Packs, int CollectedPacks, int RemainingPacks);

public sealed record DueEntitlementDto(Guid EntitlementId, int CycleId, string Cycle, DateOnly EndsOn, IReadOnlyList<DueItemDto> Items);

/// <summary>When, where (the point) and by which clerk it was collected.</summary>
public sealed record CollectionDto(DateTimeOffset At, int LocationId, string Point, string? Clerk);

/// <summary>What is due on a card.</summary>
public sealed record CardDueDto(
    string CardNumber,
    [property: Field(RegistryFields.HouseholdCode)] string HouseholdCode,
    [property: Field(RegistryFields.MemberCount)] int Members,
    IReadOnlyList<CollectorDto> Collectors,
    IReadOnlyList<DueEntitlementDto> Due,
    CollectionDto? LastCollection) : ShownFields;

public sealed record PacksDto(int CommodityId, int Packs);

/// <summary>A collection: the entitlement, the person who collected (the head or an alternate), optionally the packs (default: all still due), the point and the card shown.</summary>
public sealed record RedemptionInput
{
    [ApiRequired]
    public Guid? EntitlementId { get; init; }

    [ApiRequired]
    public Guid? CollectedBy { get; init; }
    public IReadOnlyList<PacksDto>? Items { get; init; }
    public int? LocationId { get; init; }

    /// <summary>The card number or QR token shown; when given, it must be the household's active card.</summary>
    public string? CardNumber { get; init; }
}

public sealed record RedemptionDto(
    Guid Id, Guid EntitlementId, int Round, Guid CollectedBy, int LocationId, string Point, DateTimeOffset At, IReadOnlyList<PacksDto> Items);
