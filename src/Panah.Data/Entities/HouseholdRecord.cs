using Panah.Core.Registry;

namespace Panah.Data.Entities;

/// <summary>A household row. Address, neighbourhood and phone live only in <see cref="Sealed"/>.</summary>
public sealed class HouseholdRecord
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public int FieldOfficeId { get; set; }
    public FieldOffice? FieldOffice { get; set; }
    public required string District { get; set; }
    public HouseholdStatus Status { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public Guid? HeadPersonId { get; set; }
    public int MemberCount { get; set; }
    public Guid DataKeyId { get; set; }
    public DataKey? Key { get; set; }
    public required byte[] Sealed { get; set; }
    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PersonRecord> Members { get; set; } = [];
}
