namespace Panah.Data.Protection;

/// <summary>
/// A partner organisation cases are referred to, with the services it offers. Its contact is the organisation's
/// referral desk (a shared address and phone), never a named person: the directory holds nothing personal.
/// </summary>
public sealed class Partner
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Service codes (e.g. <c>health</c>, <c>legal</c>, <c>psychosocial</c>, <c>shelter</c>), space-separated.</summary>
    public required string Services { get; set; }
    public string? DeskEmail { get; set; }
    public string? DeskPhone { get; set; }

    /// <summary>A partner no longer referred to stays listed for its past referrals.</summary>
    public bool Active { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> ServiceList => Services.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
