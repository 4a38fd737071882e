namespace Panah.Matching;

/// <summary>How two birth dates relate.</summary>
internal enum DateAgreement : byte
{
    /// <summary>Same day, and not 1 January.</summary>
    Exact,

    /// <summary>Same date, both 1 January: likely a "year only" placeholder.</summary>
    ExactPlaceholder,

    /// <summary>Same year, one side 1 January (a placeholder for an unknown day).</summary>
    PlaceholderYear,

    /// <summary>Day and month swapped, one digit wrong, two adjacent digits swapped (a clerk's slip), or a day or two
    /// apart, however many digits that changes (the 9th and the 10th, the 31st and the 1st).</summary>
    Close,

    /// <summary>The same day a month or a year off, all else of the date the same: remembered wrong, or a birthday
    /// reckoned in another calendar, not mistyped.</summary>
    MonthOrYearOff,

    /// <summary>Anything else.</summary>
    Different,
}

/// <summary>Birth-date comparison aware of day/month swaps and 1-January placeholders.</summary>
internal static class BirthDates
{
    /// <summary>Date as yyyymmdd; 0 when unknown.</summary>
    public static int Pack(DateOnly? date) => date is { } d ? d.Year * 10000 + d.Month * 100 + d.Day : 0;

    public static bool IsPlaceholder(int packed) => packed % 10000 == 101;

    public static DateAgreement Compare(int a, int b)
    {
        if (a == b)
            return IsPlaceholder(a) ? DateAgreement.ExactPlaceholder : DateAgreement.Exact;
        int ya = a / 10000, yb = b / 10000;
        if (ya == yb && (IsPlaceholder(a) || IsPlaceholder(b)))
            return DateAgreement.PlaceholderYear;
        int ma = a / 100 % 100, mb = b / 100 % 100, da = a % 100, db = b % 100;
        if (ya == yb && ma == db && da == mb)
            return DateAgreement.Close;
        if (da == db && ((Math.Abs(ya - yb) == 1 && ma == mb) || (ya == yb && Math.Abs(ma - mb) == 1)))
            return DateAgreement.MonthOrYearOff;
        Span<char> sa = stackalloc char[8];
        Span<char> sb = stackalloc char[8];
        a.TryFormat(sa, out _);
        b.TryFormat(sb, out _);
        return EditDistance.WithinOne(sa, sb) || DaysApart(a, b) <= CloseDays ? DateAgreement.Close : DateAgreement.Different;
    }

    /// <summary>Days two full dates may be apart and still be "close": a birth near midnight, a day reckoned from
    /// sunset, a slip of one day that carries into the tens digit or the month.</summary>
    private const int CloseDays = 2;

    /// <summary>Days between two packed dates.</summary>
    internal static int DaysApart(int a, int b) => Math.Abs(Unpack(a).DayNumber - Unpack(b).DayNumber);

    /// <summary>The date of a packed yyyymmdd.</summary>
    internal static DateOnly Unpack(int packed) => new(packed / 10000, packed / 100 % 100, packed % 100);
}
