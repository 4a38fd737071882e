using System.Diagnostics.CodeAnalysis;

namespace Panah.Core.Registry;

/// <summary>The script a name was written in. Each has a stable BCP-47-like tag used in the API.</summary>
public enum NameScript
{
    UyghurLatin = 1,
    UyghurArabic = 2,
    Cyrillic = 3,
    Turkish = 4,
    Pinyin = 5,
    Chinese = 6,
}

/// <summary>Tags for <see cref="NameScript"/>: the API and the UI speak these.</summary>
public static class NameScripts
{
    private static readonly (NameScript Script, string Tag)[] Tags =
    [
        (NameScript.UyghurLatin, "ug-Latn"),
        (NameScript.UyghurArabic, "ug-Arab"),
        (NameScript.Cyrillic, "ug-Cyrl"),
        (NameScript.Turkish, "tr-Latn"),
        (NameScript.Pinyin, "zh-Latn-pinyin"),
        (NameScript.Chinese, "zh-Hani"),
    ];

    /// <summary>All scripts in display order.</summary>
    public static IEnumerable<NameScript> All => Tags.Select(t => t.Script);

    public static string Tag(this NameScript script) =>
        Tags.First(t => t.Script == script).Tag;

    /// <summary>Parses a tag, ignoring case.</summary>
    public static bool TryParse(string? tag, [NotNullWhen(true)] out NameScript? script)
    {
        foreach (var (s, t) in Tags)
        {
            if (string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))
            {
                script = s;
                return true;
            }
        }
        script = null;
        return false;
    }

    /// <summary>True for scripts written right to left.</summary>
    public static bool IsRightToLeft(this NameScript script) => script == NameScript.UyghurArabic;
}
