using System.Buffers;
using System.Text;

namespace Panah.Matching;

/// <summary>
/// Turns text in any supported script into the comparable alphabet: lower-case ASCII letters and digits,
/// tokens separated by one space. Two steps: every script to Uyghur Latin (ULY) spelling, then ULY,
/// Turkish and pinyin spellings folded together (zh/c → j, gh → g, kh/x → h, q → k, w → v, doubled
/// letters once). Name variants are not applied here; see <see cref="NameKey"/>.
/// </summary>
internal static class NameFolder
{
    private const int StackLimit = 256;

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        if (YengiYeziq.Applies(text))
            text = YengiYeziq.ToUly(text);
        if (NeedsCompatibilityNormalisation(text))
            text = text.Normalize(NormalizationForm.FormKC);

        var capacity = text.Length * 6 + 8;
        char[]? rented = null;
        var uly = capacity <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        char[]? rented2 = null;
        var folded = capacity <= StackLimit ? stackalloc char[StackLimit] : (rented2 = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            var n = ToUly(text, uly);
            var m = FoldUly(uly[..n], folded);
            // A digraph can be formed by the folding itself ("ğh" → "ghh" → "gh"): fold until stable,
            // so that folding a folded form changes nothing.
            while (HasDigraph(folded[..m]))
            {
                folded[..m].CopyTo(uly);
                m = FoldUly(uly[..m], folded);
            }

            return m == 0 ? string.Empty : new string(folded[..m]);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
            if (rented2 is not null)
                ArrayPool<char>.Shared.Return(rented2);
        }
    }

    /// <summary>
    /// Step 1 alone, for print: <paramref name="text"/> in Uyghur Latin letters (lower-case ULY without diacritics, one
    /// space between words), each word's first letter upper-cased. Empty for null or blank input.
    /// </summary>
    public static string Latin(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return string.Empty;
        if (YengiYeziq.Applies(text))
            text = YengiYeziq.ToUly(text);
        if (NeedsCompatibilityNormalisation(text))
            text = text.Normalize(NormalizationForm.FormKC);
        var uly = new char[text.Length * 6 + 8];
        var n = ToUly(text, uly);
        while (n > 0 && uly[n - 1] == ' ')
            n--;
        for (var i = 0; i < n; i++)
        {
            if (uly[i] is >= 'a' and <= 'z' && (i == 0 || uly[i - 1] == ' '))
                uly[i] = (char)(uly[i] & ~0x20);
        }

        return new string(uly, 0, n);
    }

    private static bool HasDigraph(ReadOnlySpan<char> s) => s.Contains("gh", StringComparison.Ordinal) || s.Contains("kh", StringComparison.Ordinal) || s.Contains("zh", StringComparison.Ordinal);

    private static bool NeedsCompatibilityNormalisation(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0300' and <= '\u036F' or >= '\uFB00' or >= '\u3000' and <= '\u303F' or >= '\u2000' and <= '\u206F')
                return true;
        }

        return false;
    }

    /// <summary>Step 1: any script to lower-case ULY letters; separators become a space.</summary>
    private static int ToUly(ReadOnlySpan<char> text, Span<char> output)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                output[n++] = c;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                output[n++] = (char)(c | 0x20);
            }
            else if (c is '\'' or '\u2019' or '\u02BB' or '\u02BC' or '`' or '\u00B4')
            {
                // Syllable separators inside Uyghur Latin names (Mes'ud): not a word break.
            }
            else if (c < '\u00C0')
            {
                n = Space(output, n);
            }
            else if (c <= '\u024F')
            {
                n = Append(output, n, LatinLetters.ToLatin(c));
            }
            else if (UyghurArabic.IsArabic(c))
            {
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                var latin = UyghurArabic.ToLatin(c, !UyghurArabic.IsArabic(next) || UyghurArabic.ToLatin(next, false) is null);
                n = latin is null ? Space(output, n) : Append(output, n, latin);
            }
            else if (UyghurCyrillic.IsCyrillic(c))
            {
                var latin = UyghurCyrillic.ToLatin(c, i + 1 < text.Length ? text[i + 1] : ' ');
                n = latin is null ? Space(output, n) : Append(output, n, latin);
            }
            else if (ChinesePinyin.IsHan(c))
            {
                n = Append(output, n, ChinesePinyin.Syllable(c));
            }
            else if (char.IsLetter(c))
            {
                // Letters of other scripts carry no comparable sound here; keep the word boundary only.
            }
            else if (c is >= '\u0300' and <= '\u036F')
            {
                // Stray combining mark.
            }
            else
            {
                n = Space(output, n);
            }
        }

        return n;
    }

    private static int Space(Span<char> output, int n)
    {
        if (n > 0 && output[n - 1] != ' ')
            output[n++] = ' ';
        return n;
    }

    private static int Append(Span<char> output, int n, string? s)
    {
        if (s is null)
            return Space(output, n);
        s.AsSpan().CopyTo(output[n..]);
        return n + s.Length;
    }

    /// <summary>Step 2: ULY, Turkish and pinyin spellings to one alphabet.</summary>
    private static int FoldUly(ReadOnlySpan<char> s, Span<char> output)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : ' ';
            switch (c)
            {
                case 'z' when next == 'h':
                    n = Put(output, n, 'j');
                    i++;
                    break;
                case 'c' when next == 'h':
                case 's' when next == 'h':
                    n = Put(output, n, c);
                    output[n++] = 'h';
                    i++;
                    break;
                case 'c':
                    n = Put(output, n, 'j');
                    break;
                case 'g' when next == 'h':
                    n = Put(output, n, 'g');
                    i++;
                    break;
                case 'k' when next == 'h':
                    n = Put(output, n, 'h');
                    i++;
                    break;
                case 'q':
                    n = Put(output, n, 'k');
                    break;
                case 'x':
                    n = Put(output, n, 'h');
                    break;
                case 'w':
                    n = Put(output, n, 'v');
                    break;
                case ' ':
                    if (n > 0 && output[n - 1] != ' ')
                        output[n++] = ' ';
                    break;
                default:
                    n = Put(output, n, c);
                    break;
            }
        }

        if (n > 0 && output[n - 1] == ' ')
            n--;
        return n;
    }

    /// <summary>Appends a letter unless it doubles the previous one (Abdurrahim → abdurahim); digits always.</summary>
    private static int Put(Span<char> output, int n, char c)
    {
        if (n > 0 && output[n - 1] == c && c is >= 'a' and <= 'z')
            return n;
        output[n++] = c;
        return n;
    }
}
