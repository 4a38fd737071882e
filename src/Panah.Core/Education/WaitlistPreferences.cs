namespace Panah.Core.Education;

/// <summary>When in the day a section meets, and what an applicant prefers.</summary>
public enum TimeOfDay
{
    Morning = 1,
    Afternoon = 2,
    Evening = 3,
}

/// <summary>What an applicant can come to: a site, a time of day, a women-only group, a crèche for their children.</summary>
public sealed record WaitlistPreferences(int? SiteOfficeId, TimeOfDay? TimeOfDay, bool WomenOnly, int CrecheChildren)
{
    public static WaitlistPreferences Any { get; } = new(null, null, false, 0);
}

/// <summary>A seat that is free in a section: where and when it meets, who it is for, and the crèche places still free.</summary>
public sealed record WaitlistSeat(int SiteOfficeId, TimeOfDay TimeOfDay, bool WomenOnly, int FreeCrechePlaces);
