using Panah.Data.Access;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Matching;

public sealed class MatchInput
{
    public PersonInput Person { get; set; } = new();
    /// <summary>The household's address, if known; it helps to tell namesakes apart.</summary>
    public string? Address { get; set; }
}

public sealed record ContributionDto(string Field, string Level, double Weight);

/// <summary>
/// A likely match. In the reader's scope: the person's name (as their role may see it). Elsewhere: only the field office
/// and household code (<c>elsewhere</c>), no personal data; ask for it to be shared at /Access/ShareRequests.
/// </summary>
public sealed record CandidateDto(
    Guid PersonId,
    Guid HouseholdId,
    string HouseholdCode,
    [property: Field(RegistryFields.Name)] NameDto? Name,
    double Probability,
    double Score,
    IReadOnlyList<ContributionDto> Contributions,
    ElsewhereDto? Elsewhere) : ShownFields;

/// <summary>Where a match outside the reader's scope is registered.</summary>
public sealed record ElsewhereDto(string FieldOfficeCode, string FieldOfficeName);

public sealed record MatchResultDto(bool IndexReady, int Indexed, IReadOnlyList<CandidateDto> Candidates);

/// <summary>Where the batch run stands; <c>lastDeferred</c>: pairs of the last run beyond the review budget (left apart, not queued).</summary>
public sealed record RunStatusDto(bool Running, string Stage, long Done, long Total, int? LastPeople, int? LastProposed, double? LastSeconds, string? Error)
{
    public int? LastDeferred { get; init; }

    /// <summary>Whether the last run compared only the people added or changed since the run before (else everyone, training the model).</summary>
    public bool? LastIncremental { get; init; }

    /// <summary>People the last run compared: everyone for a batch run, the added or changed for an incremental one.</summary>
    public int? LastCompared { get; init; }

    /// <summary>Household duplicates the household run chained after the last person run proposed.</summary>
    public int? LastHouseholdsProposed { get; init; }
}

public sealed record ReviewDto(Guid Id, Guid PersonAId, Guid PersonBId, double Probability, double Score, string Reason, string Status, long Version);

/// <summary>
/// A pair in the queue with both people's names. Pending pairs come in the order of what a decision is worth:
/// <c>changesCluster</c> (its answer alone joins or splits a group of people) first, then pairs with <c>stakes</c>
/// (<c>openEntitlement</c>: a household with an approved food entitlement), then by probability. <c>groupId</c> names the
/// pending pairs that share people (<c>groupPeople</c> of them), to be decided at once at /api/v1/duplicates/groups/{groupId}.
/// </summary>
public sealed record ReviewListItemDto(
    Guid Id, Guid PersonAId, Guid PersonBId, double Probability, double Score, string Reason, string Status, long Version,
    [property: Field(RegistryFields.Name)] NameDto NameA, [property: Field(RegistryFields.Name)] NameDto NameB) : ShownFields
{
    public bool ChangesCluster { get; init; }
    public Guid? GroupId { get; init; }
    public int GroupPeople { get; init; }
    public IReadOnlyList<string> Stakes { get; init; } = [];
}

/// <summary>Pending pairs with a probability in [from, to) (the last band includes 1): how many, and their mean probability, the share expected to be true duplicates.</summary>
public sealed record ProbabilityBandDto(double From, double To, int Count, double MeanProbability);

/// <summary>
/// The queue in the caller's scope: its size, its expected precision per band, and how many true duplicates it
/// should hold. <c>deferred</c>: the last run's pairs beyond the review budget, over the whole registry.
/// </summary>
public sealed record QueueSummaryDto(int Pending, IReadOnlyList<ProbabilityBandDto> Bands, double ExpectedDuplicates, int? Deferred, DateTimeOffset? LastRunAt);

/// <summary>A person of a group, earliest registration first (the one "all one person" keeps).</summary>
public sealed record GroupMemberDto(Guid PersonId, string HouseholdCode, [property: Field(RegistryFields.Name)] NameDto Name) : ShownFields;

/// <summary>Pending pairs that share people, decided at once.</summary>
public sealed record ReviewGroupDto(Guid Id, IReadOnlyList<GroupMemberDto> People, IReadOnlyList<ReviewListItemDto> Pairs);

public sealed class PairVersionInput
{
    public Guid Id { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A group decision: <c>samePerson</c> true merges everyone of <c>pairs</c> (which must hang together) into the earliest
/// registration; false marks each of <c>pairs</c> "not the same" (splitting the group). Each pair with the version read.
/// </summary>
public sealed class GroupDecisionInput
{
    public bool SamePerson { get; set; }
    public List<PairVersionInput> Pairs { get; set; } = [];
}

/// <summary>What a group decision did.</summary>
public sealed record GroupDecisionDto(IReadOnlyList<ReviewDto> Pairs, Guid? SurvivorId, IReadOnlyList<Guid> Merged);

public sealed record ReviewDetailDto(ReviewDto Review, PersonDto A, PersonDto B, double PriorWeight, IReadOnlyList<ContributionDto> Contributions);

public sealed class DecisionInput
{
    public bool SamePerson { get; set; }
    public long Version { get; set; }
}
