namespace Panah.Data.Protection;

/// <summary>
/// One goal of a case plan with the action towards it, who does it and by when. Goal, action and who are sealed
/// under the case's key (they tell of the person); the due day and whether it is done are in clear for the task list.
/// </summary>
public sealed class CasePlanItem : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Set when the supervisor approved the plan this item was part of.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The sealed <see cref="PlanItemText"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>A service the organisation provides itself (not a referral): its type, the day, the staff member who provides it.</summary>
public sealed class CaseService : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }

    /// <summary>A service code, as in the partner directory (e.g. <c>psychosocial</c>).</summary>
    public required string Type { get; set; }
    public DateOnly ProvidedOn { get; set; }

    /// <summary>The staff account that provides it.</summary>
    public required string ProvidedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Null while the service is under way (the case is at the services stage); set when it is completed.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The sealed <see cref="ServiceNote"/>.</summary>
    public required byte[] Sealed { get; set; }
}

public sealed record PlanItemText(string Goal, string? Action, string? Who);

public sealed record ServiceNote(string? Note);

public sealed record PlanItemInput(string? Goal, string? Action, string? Who, DateOnly? DueOn);

public sealed record ServiceInput(string? Type, DateOnly? ProvidedOn, string? Note);

public sealed record PlanItemView(Guid Id, string Goal, string? Action, string? Who, DateOnly? DueOn, DateTimeOffset AddedAt, DateTimeOffset? DoneAt, DateTimeOffset? ApprovedAt);

public sealed record ServiceView(Guid Id, string Type, DateOnly ProvidedOn, string ProvidedBy, DateTimeOffset RecordedAt, DateTimeOffset? CompletedAt, string? Note);

/// <summary>A case's plan and its in-house services, with whether the plan waits for the supervisor.</summary>
public sealed record CasePlanView(IReadOnlyList<PlanItemView> Items, IReadOnlyList<ServiceView> Services, bool ApprovalPending);
