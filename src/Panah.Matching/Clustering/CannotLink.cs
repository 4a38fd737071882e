namespace Panah.Matching;

/// <summary>
/// Evidence that two records are two people whatever their names say. Weights cannot express it: a
/// namesake without a birth date scores like a match, and average linkage then chains him to the namesake
/// who does have one. So the clustering never puts a cannot-link pair into one cluster, however strong the
/// links through a third record.
/// </summary>
internal static class CannotLink
{
    /// <summary>Days two full birth dates may differ by and still be one person's (a month misread or mistyped).</summary>
    private const int DateSlackDays = 45;

    /// <summary>Years a 1-January placeholder (a year known, or guessed, without the day) may be off by.</summary>
    private const int PlaceholderSlackYears = 2;

    public static bool Applies(PreparedRecord a, PreparedRecord b, Comparison c) =>
        c.Level((int)MatchField.Sex) == 1
        || DocumentsConflict(a.Document, b.Document, c.Level((int)MatchField.DocumentNumber))
        || DatesConflict(a.Date, b.Date)
        || SameHouseholdTwoPeople(a, b, c);

    /// <summary>
    /// Two different numbers of the same kind of document: a person has one foreigner ID, one citizen ID. A
    /// foreigner ID (99…) and a later citizen ID, or an ID and a passport number, are no conflict; one
    /// character off is a typo, not another document.
    /// </summary>
    private static bool DocumentsConflict(string a, string b, int level) =>
        level == 2 && DocumentKind(a) == DocumentKind(b);

    /// <summary>Length, letters before the first digit and the foreigner prefix "99": the shape of a document number.</summary>
    private static int DocumentKind(string document)
    {
        var letters = 0;
        while (letters < document.Length && char.IsLetter(document[letters]))
            letters++;
        var foreigner = document.StartsWith("99", StringComparison.Ordinal) ? 1 : 0;
        return (document.Length << 8) | (Math.Min(letters, 15) << 1) | foreigner;
    }

    /// <summary>
    /// Two full dates that differ beyond the known quirks: not a day/month swap, one digit or a year off
    /// (<see cref="BirthDates.Compare"/> calls those close), nor within about a month; with a 1-January
    /// placeholder on either side, years more than two apart.
    /// </summary>
    internal static bool DatesConflict(int a, int b)
    {
        if (a == 0 || b == 0)
            return false;
        // A 1-January placeholder still states the year, though a guessed one may be a year or two off.
        if (BirthDates.IsPlaceholder(a) || BirthDates.IsPlaceholder(b))
            return Math.Abs((a / 10000) - (b / 10000)) > PlaceholderSlackYears;
        if (BirthDates.Compare(a, b) != DateAgreement.Different)
            return false;
        return Math.Abs(Unpack(a).DayNumber - Unpack(b).DayNumber) > DateSlackDays;
    }

    private static DateOnly Unpack(int packed) => new(packed / 10000, packed / 100 % 100, packed % 100);

    /// <summary>
    /// Registered together in one household: siblings, twins, a parent and child, never one person, unless
    /// everything agrees (the same child entered twice by mistake).
    /// </summary>
    private static bool SameHouseholdTwoPeople(PreparedRecord a, PreparedRecord b, Comparison c)
    {
        if (string.IsNullOrEmpty(a.Household) || a.Household != b.Household)
            return false;
        var date = c.Level((int)MatchField.BirthDate);
        var sameDate = date is (int)DateAgreement.Exact or (int)DateAgreement.ExactPlaceholder;
        return !(c.Level((int)MatchField.GivenName) == 0 && c.Level((int)MatchField.FamilyName) == 0 && sameDate);
    }
}
