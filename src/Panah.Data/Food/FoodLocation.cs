using Panah.Data.Entities;

namespace Panah.Data.Food;

public enum LocationKind
{
    Warehouse = 1,
    DistributionPoint = 2,
}

/// <summary>A warehouse or a distribution point; it belongs to a field office, and clerks act only at their offices' points.</summary>
public sealed class FoodLocation
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public LocationKind Kind { get; set; }
    public int FieldOfficeId { get; set; }
    public FieldOffice? FieldOffice { get; set; }
    public bool Active { get; set; } = true;
}
