namespace Panah.Data.Protection;

/// <summary>What a supervisor approves. Another feature plugs in its subject with an <see cref="IApprovalEffect"/>.</summary>
public enum ApprovalSubject
{
    Assessment = 1,
    BestInterests = 2,
    CasePlan = 3,
    Closure = 4,

    /// <summary>Revealing who a family tracing match is (<see cref="TracingMatch"/>, the subject id).</summary>
    TracingReveal = 5,
}

public enum ApprovalStatus
{
    Requested = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>One request for the supervisor's approval and its answer; requests are never deleted, so the history stays on the case.</summary>
public sealed class CaseApproval : ICaseScoped
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public ApprovalSubject Subject { get; set; }

    /// <summary>The row approved (the assessment, the plan), when the subject has one.</summary>
    public Guid? SubjectId { get; set; }
    public ApprovalStatus Status { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The request's and the decision's comments, sealed under the case's key (they may tell of the person).</summary>
    public byte[]? SealedComments { get; set; }
}

/// <summary>The comments of an approval.</summary>
public sealed record ApprovalComments(string? Request, string? Decision);

public sealed record ApprovalView(long Id, ApprovalSubject Subject, Guid? SubjectId, ApprovalStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, ApprovalComments Comments);

/// <summary>What an approved request does to its case (a closure closes it; a plan approved by the referrals part…).</summary>
public interface IApprovalEffect
{
    ApprovalSubject Subject { get; }

    /// <summary>Applied in the deciding request, before it saves; <paramref name="approved"/> false for a rejection.</summary>
    Task ApplyAsync(ProtectionCase protectionCase, CaseApproval approval, bool approved, CancellationToken ct);
}

/// <summary>A supervisor's approval of a closure closes the case.</summary>
public sealed class ClosureEffect(TimeProvider clock) : IApprovalEffect
{
    public ApprovalSubject Subject => ApprovalSubject.Closure;

    public Task ApplyAsync(ProtectionCase protectionCase, CaseApproval approval, bool approved, CancellationToken ct)
    {
        if (approved)
        {
            protectionCase.ClosedAt = clock.GetUtcNow();
        }
        return Task.CompletedTask;
    }
}

/// <summary>Why a case action was refused; the API answers with the code.</summary>
public sealed class CaseRefusedException(string code) : Exception(code)
{
    public string Code { get; } = code;
}
