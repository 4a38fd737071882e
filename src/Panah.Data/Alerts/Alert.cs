namespace Panah.Data.Alerts;

/// <summary>Something the data protection officer must look at: a read budget crossed, a break-glass opening, an erasure.</summary>
public sealed class Alert
{
    public long Id { get; set; }
    public DateTimeOffset RaisedAt { get; set; }

    /// <summary>A stable code, e.g. <c>budget.exceeded</c>, <c>breakglass.opened</c>; the UI translates it.</summary>
    public required string Kind { get; set; }

    /// <summary>The staff account the alert is about (an account id, never a name).</summary>
    public string? StaffUserId { get; set; }

    /// <summary>Non-personal detail (counts, record ids, the reason's length, never its text).</summary>
    public string? Detail { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
