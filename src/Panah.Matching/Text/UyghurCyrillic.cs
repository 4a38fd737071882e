namespace Panah.Matching;

/// <summary>Uyghur Cyrillic (USY) and Russian-style Cyrillic letters to Uyghur Latin (ULY) spelling.</summary>
internal static class UyghurCyrillic
{
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>Returns ULY letters for a Cyrillic character (either case), or null if it is not a letter.</summary>
    public static string? ToLatin(char c) => char.ToLowerInvariant(c) switch
    {
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
        'ъ' or 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => null,
    };
}
