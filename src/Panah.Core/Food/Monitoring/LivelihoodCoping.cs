namespace Panah.Core.Food.Monitoring;

/// <summary>An answer to a livelihood coping strategy over the last 30 days.</summary>
public enum LcsAnswer
{
    No = 1,
    Yes = 2,

    /// <summary>"No, because I already sold those assets or did it in the last 12 months": counts as used.</summary>
    Exhausted = 3,
    NotApplicable = 4,
}

/// <summary>1 none, 2 stress, 3 crisis, 4 emergency.</summary>
public enum LcsLevel
{
    None = 1,
    Stress = 2,
    Crisis = 3,
    Emergency = 4,
}

/// <summary>Livelihood Coping Strategies: ten strategies (4 stress, 3 crisis, 3 emergency); the result is the highest level used.</summary>
public static class LivelihoodCoping
{
    /// <summary>The ten strategies of the survey, by their code, with their level.</summary>
    public static readonly IReadOnlyList<(string Code, LcsLevel Level)> Strategies =
    [
        ("sold_household_assets", LcsLevel.Stress),
        ("spent_savings", LcsLevel.Stress),
        ("borrowed_money", LcsLevel.Stress),
        ("sold_more_animals", LcsLevel.Stress),
        ("reduced_health_education", LcsLevel.Crisis),
        ("sold_productive_assets", LcsLevel.Crisis),
        ("withdrew_children_school", LcsLevel.Crisis),
        ("sold_house_or_land", LcsLevel.Emergency),
        ("begged", LcsLevel.Emergency),
        ("illegal_or_risky_work", LcsLevel.Emergency),
    ];

    /// <summary>
    /// The highest level among strategies answered "yes" or "exhausted". A household that used none, or answered
    /// "not applicable" (or left blank) everywhere, is <see cref="LcsLevel.None"/>.
    /// </summary>
    public static LcsLevel Compute(IEnumerable<(LcsLevel Level, LcsAnswer? Answer)> answers) =>
        answers.Where(a => a.Answer is LcsAnswer.Yes or LcsAnswer.Exhausted).Select(a => a.Level).DefaultIfEmpty(LcsLevel.None).Max();
}
