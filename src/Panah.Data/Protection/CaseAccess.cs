namespace Panah.Data.Protection;

/// <summary>Why a staff member sees a case.</summary>
public enum CaseAccessReason
{
    Owner = 1,
    Assigned = 2,

    /// <summary>A transfer offered to this worker and not yet accepted: they may read the case to decide.</summary>
    TransfereePending = 3,

    /// <summary>A supervisor named on this case beyond their own team's (team supervisors see their workers' cases anyway).</summary>
    Supervisor = 4,
}

/// <summary>One staff member's access to one case, and why. The scope loads these at every request.</summary>
public sealed class CaseAccess : ICaseScoped
{
    public Guid CaseId { get; set; }
    public required string StaffUserId { get; set; }
    public CaseAccessReason Reason { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
}
