namespace Panah.Data.Education;

public enum FollowUpReason
{
    /// <summary>Too many unexcused absences in a row.</summary>
    ConsecutiveAbsences = 1,

    /// <summary>The learner can no longer reach the attendance the exam needs.</summary>
    AttendanceOutOfReach = 2,
}

public enum FollowUpOutcome
{
    Reached = 1,
    NotReached = 2,
    WillReturn = 3,
    Leaving = 4,
}

/// <summary>A learner flagged for a call, and the call's result once made (no notes: the outcome only).</summary>
public sealed class FollowUp : ISectionScoped
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public int SectionId { get; set; }
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public FollowUpReason Reason { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public FollowUpOutcome? Outcome { get; set; }
    public string? DoneBy { get; set; }
}
