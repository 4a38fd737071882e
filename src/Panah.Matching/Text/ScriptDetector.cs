namespace Panah.Matching;

/// <summary>Finds the script of a piece of text by its letters.</summary>
internal static class ScriptDetector
{
    public static NameScript Detect(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return NameScript.Unknown;
        var found = NameScript.Unknown;
        foreach (var c in text)
        {
            var script = Of(c);
            if (script == NameScript.Unknown)
                continue;
            if (found == NameScript.Unknown)
                found = script;
            else if (found != script)
                return NameScript.Mixed;
        }

        return found;
    }

    private static NameScript Of(char c)
    {
        if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F' && char.IsLetter(c))
            return NameScript.Latin;
        if (UyghurArabic.IsArabic(c) || c is >= '\uFB50' and <= '\uFEFF')
            return char.IsLetter(c) ? NameScript.Arabic : NameScript.Unknown;
        if (UyghurCyrillic.IsCyrillic(c))
            return NameScript.Cyrillic;
        if (ChinesePinyin.IsHan(c))
            return NameScript.Han;
        return NameScript.Unknown;
    }
}
