namespace Panah.Data.Entities;

/// <summary>
/// One append-only audit entry: who did what to which record, when and from where; never personal values.
/// <see cref="Hash"/> is an HMAC over this entry's fields and the previous entry's hash.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Origin { get; set; }
    public string? Detail { get; set; }
    public required byte[] PreviousHash { get; set; }
    public required byte[] Hash { get; set; }
}
