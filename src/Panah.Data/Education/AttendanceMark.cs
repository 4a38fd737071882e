using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>One learner at one session: present (the default the teacher starts from), late, excused or absent.</summary>
public sealed class AttendanceMark : ISectionScoped
{
    public int SessionId { get; set; }
    public Guid EnrolmentId { get; set; }
    public int SectionId { get; set; }
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public Attendance Mark { get; set; }
    public required string MarkedBy { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}
