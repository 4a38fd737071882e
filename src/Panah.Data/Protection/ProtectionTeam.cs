namespace Panah.Data.Protection;

/// <summary>
/// Case workers who work together under one supervisor. The supervisor sees every case their workers see and approves
/// assessments, plans and closures; other workers of the team learn only that a case exists.
/// </summary>
public sealed class ProtectionTeam
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int FieldOfficeId { get; set; }

    /// <summary>The supervising staff account (a case worker by role, supervisor by position).</summary>
    public string? SupervisorId { get; set; }
}

public sealed class ProtectionTeamMember
{
    public int TeamId { get; set; }
    public required string StaffUserId { get; set; }
}
