namespace Panah.Data.Entities;

/// <summary>
/// One append-only audit entry: who did what to which record, when and from where; never personal values.
/// <see cref="Hash"/> is an HMAC over this entry's fields and the previous entry's hash in its lane.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>
    /// Which of the chain's lanes the entry extends: each lane is a hash chain of its own, so writers on different
    /// lanes do not wait for each other's commit. Part of the hashed content (lane 0 hashes as before lanes existed).
    /// </summary>
    public short Lane { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Origin { get; set; }
    public string? Detail { get; set; }
    public required byte[] PreviousHash { get; set; }
    public required byte[] Hash { get; set; }

    /// <summary>The people the entry names, in id order; part of the hashed content.</summary>
    public List<AuditSubject> Subjects { get; set; } = [];
}

/// <summary>One person named by an audit entry: answers "who saw this person, and when" with an index, not a scan.</summary>
public sealed class AuditSubject
{
    public long AuditEntryId { get; set; }
    public AuditEntry? Entry { get; set; }
    public Guid PersonId { get; set; }
}
