using System.Text;

namespace Panah.Matching;

/// <summary>Non-ASCII Latin letters to plain ULY-style letters (ç → ch, ş → sh, ğ → gh, ñ → ng, ı/İ → i, ...).</summary>
internal static class LatinLetters
{
    private static readonly string?[] Table = Build();

    /// <summary>Lower-case ULY-style letters for a Latin letter in U+00C0..U+024F, or null if there is none.</summary>
    public static string? ToLatin(char c) => c is >= '\u00C0' and <= '\u024F' ? Table[c - 0xC0] : null;

    private static string?[] Build()
    {
        var table = new string?[0x250 - 0xC0];
        for (var c = '\u00C0'; c <= '\u024F'; c++)
        {
            var lower = char.ToLowerInvariant(c);
            table[c - 0xC0] = lower switch
            {
                'ç' or 'č' or 'ć' => "ch",
                'ş' or 'š' or 'ś' => "sh",
                'ğ' => "gh",
                'ñ' or 'ŋ' => "ng",
                'ı' or 'i' => "i",
                'ž' => "zh",
                'ə' or 'æ' => "e",
                'ø' => "o",
                'ß' => "ss",
                'đ' => "d",
                'ł' => "l",
                _ => BaseLetter(lower),
            };
        }

        table['İ' - 0xC0] = "i";
        return table;
    }

    private static string? BaseLetter(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (d is >= 'a' and <= 'z')
                return d.ToString();
        }

        return null;
    }
}
