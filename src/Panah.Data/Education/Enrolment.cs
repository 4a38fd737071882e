namespace Panah.Data.Education;

public enum EnrolmentStatus
{
    /// <summary>The seat is offered and held until <see cref="Enrolment.OfferDeadline"/>.</summary>
    Offered = 0,
    Enrolled = 1,
    Declined = 2,

    /// <summary>The offer's deadline passed unanswered.</summary>
    Lapsed = 3,
    Withdrawn = 4,
    Completed = 5,
}

/// <summary>
/// A seat in a section: offered to an applicant (with a deadline), then taken. While offered or enrolled the row
/// holds <see cref="SeatNumber"/> (1 … capacity), unique per section in the database, so two coordinators giving
/// the same last seat at once cannot both succeed; freeing the seat (decline, lapse, withdrawal) clears it.
/// </summary>
public sealed class Enrolment : ISectionScoped
{
    public Guid Id { get; set; }
    public int SectionId { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public int? SeatNumber { get; set; }
    public EnrolmentStatus Status { get; set; }

    /// <summary>Crèche places the seat holds (the applicant's children), counted against the section's.</summary>
    public int CrecheChildren { get; set; }
    public DateTimeOffset OfferedAt { get; set; }

    /// <summary>Null for a seat given directly (a coordinator enrolling from the waitlist).</summary>
    public DateTimeOffset? OfferDeadline { get; set; }
    public DateTimeOffset? EnrolledAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public required string DecidedBy { get; set; }
    public long Version { get; set; }
}
