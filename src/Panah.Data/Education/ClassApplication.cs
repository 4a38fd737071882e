using Panah.Core.Education;
using Panah.Data.Access;

namespace Panah.Data.Education;

public enum ApplicationStatus
{
    /// <summary>On the waitlist of its level at its site.</summary>
    Waiting = 0,

    /// <summary>A seat is offered and held until the offer's deadline.</summary>
    Offered = 1,
    Enrolled = 2,
    Withdrawn = 3,

    /// <summary>The applicant declined the seat offered.</summary>
    Declined = 4,

    /// <summary>The offer's deadline passed without an answer.</summary>
    Lapsed = 5,
    Completed = 6,
}

/// <summary>
/// A registered person's application for a Turkish course at a level, with their preferences and the inputs of the
/// waitlist's priority score. The person's sex and whether they head their household are copied from the registry
/// when they apply, so the waitlist ranks without opening anyone's sealed record.
/// </summary>
public sealed class ClassApplication : IHouseholdScoped
{
    public Guid Id { get; set; }
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public CefrLevel Level { get; set; }

    /// <summary>The placement test's score (0–100), or null for a beginner who starts A1 without a test.</summary>
    public int? PlacementScore { get; set; }

    /// <summary>The site (field office) the applicant can reach; null when any site of their office will do.</summary>
    public int? SiteOfficeId { get; set; }
    public TimeOfDay? TimeOfDay { get; set; }

    /// <summary>Comes only to a women-only group.</summary>
    public bool WomenOnly { get; set; }

    /// <summary>Children who need a crèche place for the applicant to attend (0: none).</summary>
    public int CrecheChildren { get; set; }

    /// <summary>Priority input: a residence permit renewal depends on their Turkish.</summary>
    public bool ResidencePermitNeedsTurkish { get; set; }

    /// <summary>Priority input: a work permit or job depends on their Turkish.</summary>
    public bool WorkNeedsTurkish { get; set; }
    public bool IsWoman { get; set; }
    public bool WomanHeadOfHousehold { get; set; }

    /// <summary>Priority input: the applicant is repeating this level.</summary>
    public bool RepeatsLevel { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public ApplicationStatus Status { get; set; }
    public long Version { get; set; }
}
