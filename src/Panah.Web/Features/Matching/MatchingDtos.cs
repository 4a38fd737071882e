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

public sealed record RunStatusDto(bool Running, string Stage, long Done, long Total, int? LastPeople, int? LastProposed, double? LastSeconds, string? Error);

public sealed record ReviewDto(Guid Id, Guid PersonAId, Guid PersonBId, double Probability, double Score, string Reason, string Status, long Version);

/// <summary>A pair in the queue with both people's names.</summary>
public sealed record ReviewListItemDto(
    Guid Id, Guid PersonAId, Guid PersonBId, double Probability, double Score, string Reason, string Status, long Version,
    [property: Field(RegistryFields.Name)] NameDto NameA, [property: Field(RegistryFields.Name)] NameDto NameB) : ShownFields;

public sealed record ReviewDetailDto(ReviewDto Review, PersonDto A, PersonDto B, double PriorWeight, IReadOnlyList<ContributionDto> Contributions);

public sealed class DecisionInput
{
    public bool SamePerson { get; set; }
    public long Version { get; set; }
}
