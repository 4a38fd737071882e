namespace Panah.Data.Entities;

/// <summary>A field office; every household belongs to one, and need-to-know access is scoped by it.</summary>
public sealed class FieldOffice
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
}
