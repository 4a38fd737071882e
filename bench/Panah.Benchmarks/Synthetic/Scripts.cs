using System.Text;

namespace Panah.Benchmarks.Synthetic;

/// <summary>Uyghur Latin (ULY) spelling to the other scripts and conventions, as registrars write it.</summary>
internal static class Scripts
{
    private static readonly (string Uly, string Arabic, string Cyrillic, string Turkish)[] Letters =
    [
        ("ch", "چ", "ч", "ç"), ("sh", "ش", "ш", "ş"), ("gh", "غ", "ғ", "ğ"), ("ng", "ڭ", "ң", "ng"), ("zh", "ژ", "ж", "j"),
        ("a", "ا", "а", "a"), ("e", "ە", "ә", "e"), ("é", "ې", "е", "e"), ("i", "ى", "и", "i"), ("o", "و", "о", "o"),
        ("u", "ۇ", "у", "u"), ("ö", "ۆ", "ө", "ö"), ("ü", "ۈ", "ү", "ü"), ("b", "ب", "б", "b"), ("p", "پ", "п", "p"),
        ("t", "ت", "т", "t"), ("j", "ج", "җ", "c"), ("x", "خ", "х", "h"), ("d", "د", "д", "d"), ("r", "ر", "р", "r"),
        ("z", "ز", "з", "z"), ("s", "س", "с", "s"), ("f", "ف", "ф", "f"), ("q", "ق", "қ", "k"), ("k", "ك", "к", "k"),
        ("g", "گ", "г", "g"), ("l", "ل", "л", "l"), ("m", "م", "м", "m"), ("n", "ن", "н", "n"), ("h", "ھ", "һ", "h"),
        ("w", "ۋ", "в", "v"), ("y", "ي", "й", "y"),
    ];

    private const string Vowels = "aeéiouöü";

    public static string ToArabic(string uly) => Convert(uly, 1);

    public static string ToCyrillic(string uly) => Convert(uly, 2);

    public static string ToTurkish(string uly) => Convert(uly, 3);

    private static string Convert(string uly, int script)
    {
        var s = uly.ToLowerInvariant();
        var sb = new StringBuilder();
        var wordStart = true;
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == ' ')
            {
                sb.Append(' ');
                wordStart = true;
                i++;
                continue;
            }

            var letter = Letters.FirstOrDefault(l => s.AsSpan(i).StartsWith(l.Uly));
            if (letter.Uly is null)
            {
                sb.Append(s[i++]);
                continue;
            }

            if (script == 1 && wordStart && Vowels.Contains(letter.Uly[0]))
                sb.Append('ئ');
            var text = script switch { 1 => letter.Arabic, 2 => letter.Cyrillic, _ => letter.Turkish };
            sb.Append(wordStart && script != 1 ? Capitalise(text, script == 3) : text);
            wordStart = false;
            i += letter.Uly.Length;
        }

        return sb.ToString();
    }

    private static string Capitalise(string s, bool turkish) =>
        s.Length == 0 ? s : (turkish && s[0] == 'i' ? "İ" : char.ToUpperInvariant(s[0]).ToString()) + s[1..];
}
