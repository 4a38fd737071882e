namespace Panah.Data.Access;

public enum GrantKind
{
    /// <summary>Asked for with a reason and decided by an officer of the owning office or the data protection officer.</summary>
    Share = 1,

    /// <summary>Opened by the staff member alone, with a reason, for a limited time; the data protection officer is alerted.</summary>
    BreakGlass = 2,
}

public enum GrantStatus
{
    Pending = 0,
    Granted = 1,
    Refused = 2,
}

/// <summary>
/// One household added to one staff member's scope beyond their offices. Kept in the database, so every app
/// node sees the same grants; a grant counts only while <see cref="Status"/> is granted and it has not expired.
/// </summary>
public sealed class AccessGrant
{
    public Guid Id { get; set; }
    public required string StaffUserId { get; set; }
    public Guid HouseholdId { get; set; }
    public GrantKind Kind { get; set; }
    public GrantStatus Status { get; set; }

    /// <summary>Why the staff member needs the record, in their words; shown to whoever decides, never logged or audited.</summary>
    public required string Reason { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>Null for a share, which lasts until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    public long Version { get; set; }
}
