namespace Panah.Core.Registry;

/// <summary>Age bands used for sex-and-age disaggregation (humanitarian standard bands).</summary>
public enum AgeGroup
{
    Under5 = 1,
    From5To11 = 2,
    From12To17 = 3,
    From18To59 = 4,
    Over60 = 5,
}

public static class AgeGroups
{
    public static AgeGroup FromAge(int age) => age switch
    {
        < 5 => AgeGroup.Under5,
        < 12 => AgeGroup.From5To11,
        < 18 => AgeGroup.From12To17,
        < 60 => AgeGroup.From18To59,
        _ => AgeGroup.Over60,
    };

    /// <summary>
    /// The birth years whose people fall in <paramref name="group"/> in <paramref name="year"/>,
    /// counting age as year difference (the precision the registry keeps in clear).
    /// </summary>
    public static (int FromYear, int ToYear) BirthYears(AgeGroup group, int year) => group switch
    {
        AgeGroup.Under5 => (year - 4, year),
        AgeGroup.From5To11 => (year - 11, year - 5),
        AgeGroup.From12To17 => (year - 17, year - 12),
        AgeGroup.From18To59 => (year - 59, year - 18),
        _ => (1, year - 60),
    };
}
