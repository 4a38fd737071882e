namespace Panah.Matching;

/// <summary>Uyghur Arabic script (UEY) letters to Uyghur Latin (ULY) spelling, without diacritics (ې → e, ۆ → o, ۈ → u).</summary>
internal static class UyghurArabic
{
    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>Returns the ULY letters for <paramref name="c"/>, "" for letters with no sound of their own
    /// (hamza carrier, harakat, tatweel), or null when <paramref name="c"/> is punctuation.</summary>
    /// <param name="c">An Arabic-block character.</param>
    /// <param name="wordFinal">True when the next character is not an Arabic letter.</param>
    public static string? ToLatin(char c, bool wordFinal) => c switch
    {
        '\u0627' or '\u0622' or '\u0623' => "a",
        '\u06D5' or '\u0629' => "e",
        '\u0647' => wordFinal ? "e" : "h", // Persian heh: typed for ە at the end of a word, for ھ elsewhere
        '\u0628' => "b",
        '\u067E' => "p",
        '\u062A' or '\u0637' => "t",
        '\u062C' => "j",
        '\u0686' => "ch",
        '\u062E' => "x",
        '\u062F' => "d",
        '\u0631' => "r",
        '\u0632' or '\u0630' or '\u0636' or '\u0638' => "z",
        '\u0698' => "zh",
        '\u0633' or '\u062B' or '\u0635' => "s",
        '\u0634' => "sh",
        '\u063A' => "gh",
        '\u0641' => "f",
        '\u0642' => "q",
        '\u0643' or '\u06A9' => "k",
        '\u06AF' => "g",
        '\u06AD' => "ng",
        '\u0644' => "l",
        '\u0645' => "m",
        '\u0646' => "n",
        '\u06BE' or '\u062D' => "h",
        '\u0648' => "o",
        '\u06C7' => "u",
        '\u06C6' => "o",
        '\u06C8' => "u",
        '\u06CB' => "w",
        '\u06D0' => "e",
        '\u0649' or '\u0625' => "i",
        '\u064A' or '\u06CC' => "y",
        '\u0626' or '\u0621' or '\u0639' or '\u0640' => "",
        >= '\u064B' and <= '\u0652' => "",
        _ => null,
    };
}
