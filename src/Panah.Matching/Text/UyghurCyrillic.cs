namespace Panah.Matching;

/// <summary>Uyghur Cyrillic (USY) and Russian-style Cyrillic letters to Uyghur Latin (ULY) spelling.</summary>
internal static class UyghurCyrillic
{
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Returns ULY letters for a Cyrillic character (either case), or null if it is not a letter.</summary>
    /// <param name="c">A Cyrillic-block character.</param>
    /// <param name="next">The character after it (a space at the end of the text).</param>
    public static string? ToLatin(char c, char next) => char.ToLowerInvariant(c) switch
    {
        // Russian-style spelling writes the /y/ of "Meryem" as a soft or hard sign before е (Мерьем, Uyghur
        // Cyrillic Мәрйәм); elsewhere the signs only soften a consonant (Гульнар) and have no sound of their own.
        'ъ' or 'ь' => char.ToLowerInvariant(next) == 'е' ? "y" : "",
        'а' => "a",
        'ә' => "e",
        'б' => "b",
        'в' => "w",
        'г' => "g",
        'ғ' => "gh",
        'д' => "d",
        'е' or 'э' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'җ' => "j",
        'з' => "z",
        'и' or 'і' or 'ы' => "i",
        'й' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' => "o",
        'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' or 'ұ' => "u",
        'ү' => "u",
        'ф' => "f",
        'х' => "x",
        'һ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' or 'щ' => "sh",
        'ю' => "yu",
        'я' => "ya",
        _ => null,
    };
}
