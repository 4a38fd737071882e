namespace Panah.Data.Protection;

/// <summary>The three situations in which UNHCR requires a formal Best Interests Determination.</summary>
public enum BidReason
{
    /// <summary>Identifying a durable solution for an unaccompanied or separated child.</summary>
    DurableSolution = 1,

    /// <summary>A child at risk in exceptional circumstances (e.g. temporary care arrangements decided for them).</summary>
    ExceptionalCircumstances = 2,

    /// <summary>A possible separation of the child from their parents against their will.</summary>
    SeparationFromParents = 3,
}

/// <summary>A structured assessment, or for a child a Best Interests Assessment; its content is sealed under the case's key.</summary>
public sealed class CaseAssessment : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>A Best Interests Assessment (children only), which needs the supervisor's approval.</summary>
    public bool BestInterests { get; set; }

    /// <summary>Set when a formal Best Interests Determination is required, with the reason.</summary>
    public BidReason? BidRequired { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The sealed <see cref="AssessmentDetails"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>What an assessment records. The care arrangement is for children.</summary>
public sealed record AssessmentDetails(string? Needs, string? Risks, string? Strengths, string? CareArrangement);

/// <summary>What a recorded assessment is, for a case page.</summary>
public sealed record AssessmentView(Guid Id, bool BestInterests, BidReason? BidRequired, DateTimeOffset RecordedAt, AssessmentDetails Details);

/// <summary>What is sent to record an assessment.</summary>
public sealed record AssessmentInput(AssessmentDetails Details, bool BestInterests, BidReason? BidRequired);
