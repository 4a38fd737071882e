using Panah.Core.Access;
using Panah.Data.Entities;

namespace Panah.Data.Access;

/// <summary>A staff member works for a field office: registry records of that office are in their scope.</summary>
public sealed class StaffOffice
{
    public required string StaffUserId { get; set; }
    public StaffUser? StaffUser { get; set; }
    public int FieldOfficeId { get; set; }
    public FieldOffice? FieldOffice { get; set; }
}

/// <summary>A staff member works in a programme (a clerk in food assistance, a teacher in education…).</summary>
public sealed class StaffProgramme
{
    public required string StaffUserId { get; set; }
    public StaffUser? StaffUser { get; set; }
    public Programme Programme { get; set; }
}
