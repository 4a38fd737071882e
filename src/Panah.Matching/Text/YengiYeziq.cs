using System.Text;

namespace Panah.Matching;

/// <summary>
/// The old Uyghur Latin script (Uyghur Yengi Yeziⱪi, 1965–1982), which older refugees' documents use, to Uyghur
/// Latin (ULY) spelling. Its letters mean other sounds than ULY's (q is ch, x is sh, h is x, e is é), so only
/// text showing one of its own letters (ə ⱨ ⱪ ⱬ ƣ ɵ, or the k̡ h̡ z̡ g̡ stand-ins of old fonts) is read as Yengi Yeziⱪ.
/// </summary>
internal static class YengiYeziq
{
    private const char Hook = '\u0321';

    public static bool Applies(string text)
    {
        foreach (var c in text)
        {
            if (c is 'ə' or 'Ə' or 'ⱨ' or 'Ⱨ' or 'ⱪ' or 'Ⱪ' or 'ⱬ' or 'Ⱬ' or 'ƣ' or 'Ƣ' or 'ɵ' or 'Ɵ' or Hook)
                return true;
        }

        return false;
    }

    /// <summary>The same text in ULY letters (lower case; other characters kept).</summary>
    public static string ToUly(string text)
    {
        var s = text.ToLowerInvariant();
        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (next == Hook)
            {
                // Old fonts without the descender letters: k̡ h̡ z̡ g̡ for ⱪ ⱨ ⱬ ƣ.
                sb.Append(c switch { 'k' => "q", 'h' => "h", 'z' => "zh", 'g' => "gh", _ => c.ToString() });
                i++;
                continue;
            }

            // The digraphs of Chinese loanwords mean what they mean in ULY.
            if (next == 'h' && c is 's' or 'c' or 'z')
            {
                sb.Append(c).Append('h');
                i++;
                continue;
            }

            sb.Append(c switch
            {
                'ə' => "e",
                'e' => "é",
                'ⱨ' => "h",
                'h' => "x",
                'ⱪ' => "q",
                'q' => "ch",
                'x' => "sh",
                'ƣ' => "gh",
                'ɵ' => "ö",
                'ⱬ' => "zh",
                'c' => "ts",
                'v' => "w",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
