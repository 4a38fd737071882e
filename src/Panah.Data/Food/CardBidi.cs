namespace Panah.Data.Food;

/// <summary>A stretch of one line written in one direction: Arabic script (right to left) or anything else.</summary>
internal readonly record struct CardRun(string Text, bool RightToLeft);

/// <summary>
/// The part of the Unicode bidirectional algorithm a one-line card label needs: Arabic-script letters run right to
/// left, everything else (Latin, digits) left to right, spaces and punctuation take the direction of the letters on
/// both sides or else the line's; the line's direction is its first letter's. Explicit embeddings and mirrored
/// brackets across runs are out of scope: labels and programme names have none.
/// </summary>
internal static class CardBidi
{
    public static bool HasRightToLeft(string text) => text.Any(IsArabicLetter);

    /// <summary>True when the line reads right to left: its first strong letter is Arabic script.</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (IsArabicLetter(c))
            {
                return true;
            }
            if (char.IsLetterOrDigit(c))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The line's runs in logical (reading) order.</summary>
    public static IReadOnlyList<CardRun> Runs(string text)
    {
        var line = IsRightToLeft(text);
        var strong = new bool?[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            strong[i] = IsArabicLetter(text[i]) ? true : char.IsLetterOrDigit(text[i]) ? false : null;
        }
        var resolved = new bool[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (strong[i] is { } direction)
            {
                resolved[i] = direction;
                continue;
            }
            var before = Neighbour(strong, i, -1) ?? line;
            var after = Neighbour(strong, i, 1) ?? line;
            resolved[i] = before == after ? before : line;
        }
        var runs = new List<CardRun>();
        for (var start = 0; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && resolved[end] == resolved[start])
            {
                end++;
            }
            runs.Add(new CardRun(text[start..end], resolved[start]));
            start = end;
        }
        return runs;
    }

    private static bool? Neighbour(bool?[] strong, int from, int step)
    {
        for (var i = from + step; i >= 0 && i < strong.Length; i += step)
        {
            if (strong[i] is { } direction)
            {
                return direction;
            }
        }
        return null;
    }

    /// <summary>Arabic-script letters (Arabic, its supplements and presentation forms), not the Arabic-Indic digits, which run left to right.</summary>
    private static bool IsArabicLetter(char c) =>
        c is (>= '\u0600' and <= '\u06FF' and not (>= '\u0660' and <= '\u0669') and not (>= '\u06F0' and <= '\u06F9'))
            or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF')
        && char.IsLetter(c);
}
