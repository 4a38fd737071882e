namespace Panah.Core.Education;

/// <summary>
/// Points each reason for priority on the waitlist is worth (section <c>Panah:Education:Priority</c>). Whole points,
/// so that equal scores are exactly equal and first-come decides between them.
/// </summary>
public sealed class PriorityWeights
{
    /// <summary>A residence permit renewal depends on the applicant's Turkish.</summary>
    public int ResidencePermit { get; set; } = 30;

    /// <summary>A work permit or a job depends on it.</summary>
    public int Work { get; set; } = 20;

    /// <summary>A woman who heads her household.</summary>
    public int WomanHeadOfHousehold { get; set; } = 15;

    /// <summary>Per full 30 days on the waitlist…</summary>
    public int PerMonthWaiting { get; set; } = 5;

    /// <summary>…up to this many points.</summary>
    public int MaxWaiting { get; set; } = 30;

    /// <summary>Repeating the level (points may be negative: local practice decides whether repeaters wait longer).</summary>
    public int RepeatsLevel { get; set; }

    /// <exception cref="ArgumentException">A weight is outside −100…100 or the waiting cap is negative.</exception>
    public void Check()
    {
        int[] all = [ResidencePermit, Work, WomanHeadOfHousehold, PerMonthWaiting, MaxWaiting, RepeatsLevel];
        if (all.Any(w => w is < -100 or > 100) || MaxWaiting < 0)
        {
            throw new ArgumentException("Priority weights must be within -100 and 100, the waiting cap not below 0.");
        }
    }
}
