namespace Panah.Core.Registry;

/// <summary>How much of a birth date is known.</summary>
public enum BirthDatePrecision
{
    Exact = 0,
    YearOnly = 1,
    Estimated = 2,
}

/// <summary>A birth date with its precision. A year-only date is stored as 1 January of that year.</summary>
public sealed record BirthDate(DateOnly Date, BirthDatePrecision Precision)
{
    /// <summary>Age in whole years on <paramref name="today"/>.</summary>
    public int AgeOn(DateOnly today)
    {
        var age = today.Year - Date.Year;
        if (Precision == BirthDatePrecision.Exact && today < Date.AddYears(age))
        {
            age--;
        }
        return Math.Max(age, 0);
    }
}
