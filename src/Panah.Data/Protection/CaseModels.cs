using Panah.Core.Protection;

namespace Panah.Data.Protection;

/// <summary>What is sent to open a case: from a registered person, or directly with a name sealed in the case.</summary>
public sealed record OpenCaseInput(Guid? PersonId, CaseType Type, RiskLevel Risk, string? Name, string? Summary, bool ReportingConsent);

/// <summary>A case as its page shows it. <see cref="Name"/> is null when hidden from this reader (GBV).</summary>
public sealed record CaseView(
    Guid Id, string Code, Guid? PersonId, CaseType Type, RiskLevel Risk, CaseStage Stage, bool Reopened, string OwnerId, int? TeamId,
    DateTimeOffset OpenedAt, bool ReportingConsent, bool NameHidden, string? Name, string? Summary, long Version)
{
    public bool IsOwner { get; init; }
    public bool CanApprove { get; init; }
}

/// <summary>One line of "my cases".</summary>
public sealed record CaseSummary(Guid Id, string Code, CaseType Type, RiskLevel Risk, CaseStage Stage, string? Name, int OverdueTasks);

/// <summary>An open task of one of the worker's cases, for the home page.</summary>
public sealed record TaskLine(long Id, Guid CaseId, string CaseCode, CaseTaskKind Kind, RiskLevel Risk, DateTimeOffset DueAt, TaskStanding Standing);

/// <summary>What another case worker may learn of a person's case: that it exists, and whom to contact.</summary>
public sealed record CaseExistence(string OwnerName, string? TeamName, bool Visible, Guid? CaseId);
