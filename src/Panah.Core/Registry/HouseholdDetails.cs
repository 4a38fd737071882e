namespace Panah.Core.Registry;

public enum HouseholdStatus
{
    Active = 1,
    Inactive = 2,
    Closed = 3,
}

/// <summary>A household's own fields; the address, neighbourhood and phone are personal data stored encrypted.</summary>
public sealed record HouseholdDetails
{
    public required string District { get; init; }
    public string? Neighbourhood { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public HouseholdStatus Status { get; init; } = HouseholdStatus.Active;
}
