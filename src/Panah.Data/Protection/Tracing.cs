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
