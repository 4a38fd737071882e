namespace Panah.Web.Features.Protection;

/// <summary>Every field is optional in the JSON, so a missing one is answered by name. Enums travel as strings.</summary>
public sealed record OpenCaseBody(Guid? PersonId = null, string? Type = null, string? Risk = null, string? Name = null, string? Summary = null, bool? ReportingConsent = null);

public sealed record AssessmentBody(long? Version = null, string? Needs = null, string? Risks = null, string? Strengths = null, string? CareArrangement = null, bool? BestInterests = null, string? BidRequired = null);

public sealed record ApprovalRequestBody(long? Version = null, string? Subject = null, Guid? SubjectId = null, string? Comment = null);

public sealed record DecisionBody(bool? Approve = null, string? Comment = null);

public sealed record VersionBody(long? Version = null);

public sealed record ReportingConsentBody(long? Version = null, bool? Consent = null);

/// <summary>A case; <see cref="Name"/> is null when hidden from this reader (GBV cases, for all but the owner).</summary>
public sealed record CaseDto(
    Guid Id, string Code, Guid? PersonId, string Type, string Risk, string Stage, bool Reopened, string OwnerId, DateTimeOffset OpenedAt,
    bool ReportingConsent, bool NameHidden, string? Name, string? Summary, long Version,
    IReadOnlyList<TaskDto> Tasks, IReadOnlyList<AssessmentDto> Assessments, IReadOnlyList<ApprovalDto> Approvals);

public sealed record CaseSummaryDto(Guid Id, string Code, string Type, string Risk, string Stage, string? Name, int OverdueTasks);

public sealed record TaskDto(long Id, Guid CaseId, string CaseCode, string Kind, string Risk, DateTimeOffset DueAt, string Standing);

public sealed record AssessmentDto(Guid Id, bool BestInterests, string? BidRequired, DateTimeOffset RecordedAt, string? Needs, string? Risks, string? Strengths, string? CareArrangement);

public sealed record ApprovalDto(long Id, string Subject, Guid? SubjectId, string Status, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? RequestComment, string? DecisionComment);

/// <summary>That a person has a case and whom to contact; the case id only for those who may open it.</summary>
public sealed record CaseExistenceDto(string Owner, string? Team, Guid? CaseId);

/// <summary>A supervised team's caseload: <c>Workers</c> case workers to its one supervisor, their overdue tasks in all.</summary>
public sealed record TeamLoadDto(int TeamId, string Name, int Workers, int OverdueTasks, IReadOnlyList<WorkerLoadDto> Loads);

/// <summary>A case worker's open cases; <c>Band</c> is <c>Under10</c>, <c>From10To19</c>, <c>From20To29</c> or <c>From30</c>.</summary>
public sealed record WorkerLoadDto(string WorkerId, string Name, int Open, string Band, IReadOnlyDictionary<string, int> ByStage, IReadOnlyDictionary<string, int> ByRisk, int OverdueTasks);
