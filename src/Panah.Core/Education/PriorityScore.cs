namespace Panah.Core.Education;

/// <summary>The reasons an application counts for priority, as recorded when the person applied.</summary>
public sealed record PriorityInputs(bool ResidencePermit, bool Work, bool WomanHeadOfHousehold, bool RepeatsLevel, DateTimeOffset AppliedAt);

/// <summary>Why an application scores what it does: each reason that counted and its points, for the waitlist to show.</summary>
public sealed record PriorityPart(string Reason, int Points);

/// <summary>An application's priority: the sum of its parts.</summary>
public sealed record PriorityScore(int Total, IReadOnlyList<PriorityPart> Parts)
{
    public const string ResidencePermit = "residence-permit";
    public const string Work = "work";
    public const string WomanHeadOfHousehold = "woman-head-of-household";
    public const string Waiting = "waiting";
    public const string RepeatsLevel = "repeats-level";

    /// <summary>The score of <paramref name="inputs"/> on <paramref name="now"/>: waiting counts full 30-day months.</summary>
    public static PriorityScore Of(PriorityInputs inputs, PriorityWeights weights, DateTimeOffset now)
    {
        var parts = new List<PriorityPart>(5);
        Add(parts, inputs.ResidencePermit, ResidencePermit, weights.ResidencePermit);
        Add(parts, inputs.Work, Work, weights.Work);
        Add(parts, inputs.WomanHeadOfHousehold, WomanHeadOfHousehold, weights.WomanHeadOfHousehold);
        Add(parts, inputs.RepeatsLevel, RepeatsLevel, weights.RepeatsLevel);
        var months = MonthsWaiting(inputs, now);
        Add(parts, months > 0, Waiting, (int)Math.Min((long)months * weights.PerMonthWaiting, weights.MaxWaiting));
        return new PriorityScore(parts.Sum(p => p.Points), parts);
    }

    /// <summary>Full 30-day months the application has waited on <paramref name="now"/>.</summary>
    public static int MonthsWaiting(PriorityInputs inputs, DateTimeOffset now) => Math.Max(0, (now - inputs.AppliedAt).Days / 30);

    private static void Add(List<PriorityPart> parts, bool applies, string reason, int points)
    {
        if (applies && points != 0)
        {
            parts.Add(new PriorityPart(reason, points));
        }
    }
}
