namespace Panah.Core.Food.Monitoring;

/// <summary>How often something happened in the last 30 days.</summary>
public enum HhsFrequency
{
    /// <summary>Never (the question was answered "no").</summary>
    Never = 0,

    /// <summary>Rarely: once or twice.</summary>
    Rarely = 1,

    /// <summary>Sometimes: 3–10 times.</summary>
    Sometimes = 2,

    /// <summary>Often: more than 10 times.</summary>
    Often = 3,
}

public enum HhsCategory
{
    Little = 1,
    Moderate = 2,
    Severe = 3,
}

/// <summary>Household Hunger Scale: three questions over 30 days (no food in the house, slept hungry, a whole day and night without eating).</summary>
public static class HouseholdHungerScale
{
    public const int Questions = 3;

    /// <summary>
    /// 0–6 from the frequency answers only: never 0, rarely 1, sometimes 1, often 2. A blank frequency counts as
    /// never (a "no" has none); a "no" with a frequency still scores it.
    /// </summary>
    public static int Compute(IReadOnlyList<HhsFrequency?> frequencies) =>
        frequencies.Sum(f => f switch
        {
            HhsFrequency.Rarely or HhsFrequency.Sometimes => 1,
            HhsFrequency.Often => 2,
            _ => 0,
        });

    public static HhsCategory Categorise(int score) => score switch
    {
        <= 1 => HhsCategory.Little,
        <= 3 => HhsCategory.Moderate,
        _ => HhsCategory.Severe,
    };
}
