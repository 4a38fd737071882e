using System.Runtime.CompilerServices;

namespace Panah.Matching;

/// <summary>
/// The comparable form of a name: one Latin spelling whatever script or convention the name was written in.
/// "Abdurehim Tursun", "Abdurrahim Tursun", "ئابدۇرېھىم تۇرسۇن", "Абдурехим Турсун", "Abudureyimu Tuerxun"
/// and "阿不都热依木·吐尔逊" all give "abdurehim tursun". Deterministic and culture-independent, so the
/// registry can also use it as the input of a blind index.
/// </summary>
public static class NameKey
{
    private const int PhoneticLength = 6;

    /// <summary>
    /// <paramref name="name"/> spelt in Uyghur Latin letters, as the first step of <see cref="Comparable"/> spells every
    /// script (ULY without diacritics), each word capitalised: "ئابدۇرېھىم تۇرسۇن" gives "Abdurehim Tursun". For print
    /// where only Latin letters will do (a certificate in Turkish and English). Empty for null or blank input.
    /// </summary>
    public static string Latin(string? name) => NameFolder.Latin(name);

    /// <summary>
    /// Comparable form of <paramref name="name"/>: lower-case ASCII tokens separated by one space, known
    /// variants mapped to their Uyghur Latin form, the diminutive -jan/-han dropped. Empty for null or blank input.
    /// </summary>
    public static string Comparable(string? name)
    {
        var folded = NameFolder.Fold(name);
        if (folded.Length == 0)
            return folded;

        Span<char> buffer = stackalloc char[Math.Min(folded.Length * 4 + 16, 1024)];
        if (folded.Length * 4 + 16 > buffer.Length)
            return folded;
        var n = 0;
        var changed = false;
        var rest = folded.AsSpan();
        while (rest.Length > 0)
        {
            var space = rest.IndexOf(' ');
            var token = space < 0 ? rest : rest[..space];
            rest = space < 0 ? [] : rest[(space + 1)..];
            var canonical = Canonicalise(token);
            changed |= !canonical.SequenceEqual(token);
            if (n > 0)
                buffer[n++] = ' ';
            canonical.CopyTo(buffer[n..]);
            n += canonical.Length;
        }

        return changed ? new string(buffer[..n]) : folded;
    }

    /// <summary>
    /// Coarse sound key of a comparable form (see <see cref="Comparable"/>): first letter, then consonant
    /// classes without vowels, h or y, at most six characters. Used for blocking, never as evidence on its own.
    /// </summary>
    public static string Phonetic(string? comparable)
    {
        if (string.IsNullOrEmpty(comparable))
            return string.Empty;
        Span<char> key = stackalloc char[PhoneticLength];
        var n = 0;
        var last = '\0';
        foreach (var c in comparable)
        {
            if (c == ' ')
                continue;
            char cls;
            if (n == 0)
            {
                cls = IsVowel(c) ? 'a' : ConsonantClass(c);
                if (cls == '\0')
                    cls = c;
            }
            else
            {
                cls = ConsonantClass(c);
                if (cls == '\0')
                    continue;
            }

            if (cls == last)
                continue;
            key[n++] = cls;
            last = cls;
            if (n == PhoneticLength)
                break;
        }

        return new string(key[..n]);
    }

    /// <summary>The script a name is written in.</summary>
    public static NameScript DetectScript(string? text) => ScriptDetector.Detect(text);

    internal static ReadOnlySpan<char> Canonicalise(ReadOnlySpan<char> token)
    {
        if (NameVariants.Lookup.TryGetValue(token, out var canonical))
            return canonical;
        var root = StripDiminutive(token);
        if (root.Length != token.Length && NameVariants.Lookup.TryGetValue(root, out canonical))
            return canonical;
        return Compound(root) ?? root;
    }

    /// <summary>
    /// A compound of two known names, as pinyin renders them run together ("Nuermaimaiti" = Nuer + Maimaiti,
    /// "Aihemaitijiang" = Aihemaiti + jiang, the pinyin -jan): each part to its canonical form, the
    /// diminutive dropped. Null when the token is not such a compound.
    /// </summary>
    private static string? Compound(ReadOnlySpan<char> token)
    {
        const int MinPart = 3;
        for (var split = MinPart; split <= token.Length - MinPart; split++)
        {
            if (!NameVariants.Lookup.TryGetValue(token[..split], out var first))
                continue;
            var rest = token[split..];
            if (rest is "jiang" or "jan" or "han")
                return first;
            if (NameVariants.Lookup.TryGetValue(rest, out var second))
                return first + second;
        }

        return null;
    }

    /// <summary>Ehmetjan → Ehmet, Tursunhan → Tursun; short roots (Ayhan, Nurjan) keep the suffix.</summary>
    private static ReadOnlySpan<char> StripDiminutive(ReadOnlySpan<char> token)
    {
        while (true)
        {
            if (token.Length >= 7 && token.EndsWith("jan"))
                token = token[..^3];
            else if (token.Length >= 8 && token.EndsWith("han"))
                token = token[..^3];
            else
                return token;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ConsonantClass(char c) => c switch
    {
        'b' or 'p' or 'f' or 'v' => 'b',
        'd' or 't' => 'd',
        'g' or 'k' => 'k',
        'j' or 'c' => 'j',
        's' or 'z' => 's',
        'l' or 'r' or 'm' or 'n' => c,
        >= '0' and <= '9' => c,
        _ => '\0',
    };
}
