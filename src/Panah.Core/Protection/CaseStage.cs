namespace Panah.Core.Protection;

/// <summary>Where a case stands, derived from what has been recorded (as Primero does), never set by hand.</summary>
public enum CaseStage
{
    Registration = 1,
    Assessment = 2,
    CasePlan = 3,
    Services = 4,
    FollowUp = 5,
    Closed = 6,
}

/// <summary>What a case has recorded that decides its stage.</summary>
/// <param name="AssessmentRequestedAt">An assessment was started or asked of the supervisor.</param>
/// <param name="CasePlanAt">A case plan was recorded.</param>
/// <param name="OpenServices">Services and referrals under way (not yet provided, not revoked).</param>
/// <param name="ServicesProvided">Services and referrals provided ("done").</param>
/// <param name="ClosedAt">The last closure.</param>
/// <param name="ReopenedAt">The last reopening: a reopened case is open again at the stage its records give.</param>
public sealed record CaseFacts(
    DateTimeOffset? AssessmentRequestedAt = null,
    DateTimeOffset? CasePlanAt = null,
    int OpenServices = 0,
    int ServicesProvided = 0,
    DateTimeOffset? ClosedAt = null,
    DateTimeOffset? ReopenedAt = null);

public static class CaseStages
{
    public static IReadOnlyList<CaseStage> All { get; } = Enum.GetValues<CaseStage>();

    /// <summary>
    /// Registration → assessment (once requested) → case plan → services (while any is open) → follow-up (every
    /// service provided) → closed; a reopening after the last closure makes the case open again.
    /// </summary>
    public static CaseStage Derive(CaseFacts facts)
    {
        if (IsClosed(facts))
        {
            return CaseStage.Closed;
        }
        if (facts.OpenServices > 0)
        {
            return CaseStage.Services;
        }
        if (facts.ServicesProvided > 0)
        {
            return CaseStage.FollowUp;
        }
        if (facts.CasePlanAt is not null)
        {
            return CaseStage.CasePlan;
        }
        return facts.AssessmentRequestedAt is not null ? CaseStage.Assessment : CaseStage.Registration;
    }

    public static bool IsClosed(CaseFacts facts) => facts.ClosedAt is { } closed && (facts.ReopenedAt is not { } reopened || reopened < closed);

    /// <summary>Whether the case was closed once and opened again (shown beside its stage).</summary>
    public static bool IsReopened(CaseFacts facts) => facts.ReopenedAt is { } reopened && facts.ClosedAt is { } closed && reopened >= closed;
}
