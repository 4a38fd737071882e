using System.Runtime.CompilerServices;

namespace Panah.Matching;

/// <summary>
/// The blocking rules: two records become a candidate pair when they share at least one key. Several
/// loose rules together keep recall when any single field is wrong, missing or swapped.
/// </summary>
internal static class BlockingKeys
{
    public const int RuleCount = 10;

    public static readonly string[] RuleNames =
    [
        "name keys (either order) + birth year",
        "name keys (either order) + birth day and month",
        "given name key + father name key + birth year",
        "document number",
        "phone",
        "birth date + given name initial",
        "birth date + family name initial",
        "name keys (either order), only for pairs where a birth date is missing",
        "first half of the document number + given name initial",
        "second half of the document number + given name initial",
    ];

    /// <summary>Rule whose pairs must have a missing birth date on one side (otherwise the date rules cover them, and
    /// all namesakes of every generation would become candidates).</summary>
    public const int MissingDateRule = 7;

    /// <summary>Writes the key of every rule into <paramref name="keys"/> (0 when the rule does not apply).</summary>
    public static void Compute(PreparedRecord r, Span<ulong> keys)
    {
        var year = r.Date / 10000;
        var dayMonth = r.Date != 0 && !BirthDates.IsPlaceholder(r.Date) ? r.Date % 10000 : 0;
        var fullDate = dayMonth != 0 ? r.Date : 0;
        var g = r.Given.Key;
        var f = r.Family.Key;
        var father = r.Father.Key;
        var (lo, hi) = string.CompareOrdinal(g, f) <= 0 ? (g, f) : (f, g);
        var names = g.Length > 0 && f.Length > 0;

        keys[0] = names && year != 0 ? Hash(0, lo, hi, year) : 0;
        keys[1] = names && dayMonth != 0 ? Hash(1, lo, hi, dayMonth) : 0;
        keys[2] = g.Length > 0 && father.Length > 0 && year != 0 ? Hash(2, g, father, year) : 0;
        keys[3] = r.Document.Length >= 5 ? Hash(3, r.Document, string.Empty, 0) : 0;
        keys[4] = r.Phone.Length >= 7 ? Hash(4, r.Phone, string.Empty, 0) : 0;
        keys[5] = fullDate != 0 && r.Given.Compact.Length > 0 ? Hash(5, r.Given.Compact.AsSpan(0, 1), [], fullDate) : 0;
        keys[6] = fullDate != 0 && r.Family.Compact.Length > 0 ? Hash(6, r.Family.Compact.AsSpan(0, 1), [], fullDate) : 0;
        keys[7] = names ? Hash(7, lo, hi, 0) : 0;
        // One mistyped character breaks at most one half of a document number (unless it straddles the middle).
        var document = r.Document.AsSpan();
        var initial = r.Given.Compact.Length > 0 ? r.Given.Compact.AsSpan(0, 1) : [];
        var half = (document.Length + 1) / 2;
        keys[8] = document.Length >= 6 ? Hash(8, document[..half], initial, 0) : 0;
        keys[9] = document.Length >= 6 ? Hash(9, document[half..], initial, 0) : 0;
    }

    /// <summary>FNV-1a over the rule number, two strings and a number; never 0.</summary>
    internal static ulong Hash(int rule, ReadOnlySpan<char> a, ReadOnlySpan<char> b, int n)
    {
        var h = 14695981039346656037UL;
        h = Mix(h, (uint)rule + 1);
        foreach (var c in a)
            h = Mix(h, c);
        h = Mix(h, 0xFFFF);
        foreach (var c in b)
            h = Mix(h, c);
        h = Mix(h, (uint)n);
        h ^= h >> 29;
        return h == 0 ? 1 : h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h, uint v) => (h ^ v) * 1099511628211UL;
}
