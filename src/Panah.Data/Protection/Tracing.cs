using Panah.Core.Protection;

namespace Panah.Data.Protection;

/// <summary>
/// A family tracing request on a child's case: the relative sought (names in any script, relation, last known place),
/// sealed under the case's key. Matching it against the registry records candidates as <see cref="TracingMatch"/>es.
/// </summary>
public sealed class TracingRequest : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the registry was last searched for this request.</summary>
    public DateTimeOffset? SearchedAt { get; set; }

    /// <summary>The sealed <see cref="TracingDetails"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>
/// A registered person who may be the relative sought. Who it is stays sealed under the case's key; the case worker
/// sees only its strength until the supervisor approves revealing it (<see cref="ApprovalSubject.TracingReveal"/>).
/// </summary>
public sealed class TracingMatch : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid RequestId { get; set; }
    public double Probability { get; set; }
    public DateTimeOffset FoundAt { get; set; }
    public DateTimeOffset? RevealedAt { get; set; }

    /// <summary>The sealed <see cref="TracingCandidate"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>The relative sought: the names as typed (any script, spellings one per line), the relation, where last known.</summary>
public sealed record TracingDetails(string Given, string? Family, string? Father, IReadOnlyList<string> OtherSpellings, string Relation, string? LastKnownPlace);

/// <summary>Who the candidate is (the registered person's id), sealed.</summary>
public sealed record TracingCandidate(Guid PersonId);

/// <summary>What a case worker types to open a tracing request.</summary>
public sealed record TracingInput(string? Given, string? Family, string? Father, IReadOnlyList<string> OtherSpellings, string? Relation, string? LastKnownPlace);

/// <summary>
/// A match as the case worker sees it: its strength and whether revealing it is asked for or done. Who it is
/// (<see cref="Contact"/>) is there only once the supervisor approved revealing it.
/// </summary>
public sealed record TracingMatchView(Guid Id, double Probability, TracingStrength Strength, DateTimeOffset FoundAt, bool RevealPending, DateTimeOffset? RevealedAt, TracingContact? Contact);

/// <summary>Where the relative found is registered: their household's code and the field office to contact, nothing more.</summary>
public sealed record TracingContact(string HouseholdCode, string OfficeCode, string OfficeName);

public sealed record TracingView(Guid Id, Guid CaseId, DateTimeOffset CreatedAt, DateTimeOffset? SearchedAt, TracingDetails Details, IReadOnlyList<TracingMatchView> Matches);
