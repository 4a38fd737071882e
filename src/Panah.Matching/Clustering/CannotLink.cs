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

    public static bool Applies(PreparedRecord a, PreparedRecord b, Comparison c)
    {
        var document = c.Level((int)MatchField.DocumentNumber);
        if (DocumentsConflict(a.Document, b.Document, document) || SameHouseholdTwoPeople(a, b, c))
            return true;
        // One document number (or one typo apart) identifies the person: a wrong sex or birth date is then a
        // clerk's error on one record (FEBRL replaces whole dates), not a second person.
        if (document is 0 or 1)
            return false;
        return c.Level((int)MatchField.Sex) == 1 || DatesConflict(a.Date, b.Date);
    }

    /// <summary>
    /// Two different numbers of the same kind of document: a person has one foreigner ID, one citizen ID. A
    /// foreigner ID (99…) and a later citizen ID, or an ID and a passport number, are no conflict; one
    /// character off is a typo, not another document.
    /// Only numbers that prove valid count: a Turkish identity number (a citizen's, or a foreigner's starting 99)
    /// carries two check digits; a number without a known check (FEBRL's, a passport's) may be a clerk's guess.
    /// </summary>
    private static bool DocumentsConflict(string a, string b, int level) =>
        level == 2 && DocumentKind(a) == DocumentKind(b) && DifferingPositions(a, b) >= MinimumDifferingCharacters
        && IsValidTurkishIdentityNumber(a) && IsValidTurkishIdentityNumber(b);

    /// <summary>11 digits, not starting with 0, the 10th and 11th the check digits of the Turkish identity number.</summary>
    internal static bool IsValidTurkishIdentityNumber(string s)
    {
        if (s.Length != 11 || s[0] == '0')
            return false;
        int odd = 0, even = 0, all = 0;
        for (var i = 0; i < 11; i++)
        {
            if (s[i] is < '0' or > '9')
                return false;
            var d = s[i] - '0';
            if (i < 9)
            {
                if (i % 2 == 0)
                    odd += d;
                else
                    even += d;
            }

            if (i < 10)
                all += d;
        }

        var tenth = (((odd * 7) - even) % 10 + 10) % 10;
        return s[9] - '0' == tenth && s[10] - '0' == all % 10;
    }

    /// <summary>Characters two numbers of one length must differ in to be two documents: two typos or a transposition
    /// (FEBRL's corruptions, a clerk's) differ in two.</summary>
    private const int MinimumDifferingCharacters = 3;

    private static int DifferingPositions(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            n += a[i] == b[i] ? 0 : 1;
        return n + Math.Abs(a.Length - b.Length);
    }

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
    /// (<see cref="BirthDates.Compare"/> calls those close), nor two mistyped digits, nor within about a month; with a 1-January
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
        Span<char> sa = stackalloc char[8];
        Span<char> sb = stackalloc char[8];
        a.TryFormat(sa, out _);
        b.TryFormat(sb, out _);
        return DifferingPositions(sa, sb) >= MinimumDifferingCharacters && BirthDates.DaysApart(a, b) > DateSlackDays;
    }

    /// <summary>
    /// Registered together in one household: siblings, twins, a parent and child, never one person, unless
    /// what tells two namesakes apart agrees too: the same names and the same exact birth date, or alike names
    /// (spelt differently, even somewhat) and the same document number, which siblings and twins never share:
    /// the same child entered twice by mistake, one entry without the date or with the name spelt another way.
    /// </summary>
    private static bool SameHouseholdTwoPeople(PreparedRecord a, PreparedRecord b, Comparison c)
    {
        if (string.IsNullOrEmpty(a.Household) || a.Household != b.Household)
            return false;
        int given = c.Level((int)MatchField.GivenName), family = c.Level((int)MatchField.FamilyName);
        var date = c.Level((int)MatchField.BirthDate);
        var sameDate = date is (int)DateAgreement.Exact or (int)DateAgreement.ExactPlaceholder;
        var sameDocument = c.Level((int)MatchField.DocumentNumber) == 0;
        return !((given == 0 && family == 0 && sameDate) || (given <= SomewhatSimilar && family <= SomewhatSimilar && sameDocument));
    }

    /// <summary>The name level "somewhat similar" (0 exact, 1 similar, 2 somewhat similar, 3 different).</summary>
    private const int SomewhatSimilar = 2;
}
