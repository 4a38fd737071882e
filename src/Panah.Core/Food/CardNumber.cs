namespace Panah.Core.Food;

/// <summary>
/// The number printed on a food card, typed by a clerk when its QR code will not scan: eight random characters
/// and a check character, shown as <c>7F3K-9Q2M-X</c>. The alphabet leaves out 0, O, 1 and I, which are misread;
/// the number says nothing about the household (random, not in sequence, not derived from personal data).
/// </summary>
/// <remarks>
/// The check character is Damm's scheme over the field GF(32) with x∗y = 2·x + y: the running value of a valid
/// number ends at zero. Each character's weight is a distinct non-zero power of 2, so every single wrong
/// character changes the result, and swapping two neighbours changes it by 2ᵏ·(2 + 1)·(a − b), never zero
/// when a ≠ b: every typo of one character and every transposition of two is caught before any lookup.
/// </remarks>
public static class CardNumber
{
    /// <summary>Digits 2–9 and the letters without I and O: 32 symbols, five bits each.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Random characters in a number: 40 bits, so a guessed number is a card about once in 10¹² / (cards issued).</summary>
    public const int RandomLength = 8;

    /// <summary>The printed length: the characters, the check character and two dashes.</summary>
    public const int Length = RandomLength + 1 + 2;

    /// <summary>A new number from <see cref="RandomLength"/> random bytes (each byte's low five bits are one character).</summary>
    public static string Create(ReadOnlySpan<byte> random)
    {
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"A card number needs {RandomLength} random bytes.", nameof(random));
        }
        Span<int> values = stackalloc int[RandomLength + 1];
        for (var i = 0; i < RandomLength; i++)
        {
            values[i] = random[i] & 31;
        }
        values[RandomLength] = Times2(Interim(values[..RandomLength]));
        return Format(values);
    }

    /// <summary>
    /// The number as printed when <paramref name="input"/> is a well-formed number with the right check character
    /// (any case, with or without dashes and spaces); false for anything else, without looking anything up.
    /// </summary>
    public static bool TryNormalize(string? input, out string number)
    {
        number = "";
        if (input is null || input.Length > 3 * Length)
        {
            return false;
        }
        Span<int> values = stackalloc int[RandomLength + 1];
        var n = 0;
        foreach (var c in input)
        {
            if (c is '-' or ' ')
            {
                continue;
            }
            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0 || n == values.Length)
            {
                return false;
            }
            values[n++] = value;
        }
        if (n != values.Length || Interim(values) != 0)
        {
            return false;
        }
        number = Format(values);
        return true;
    }

    private static int Interim(ReadOnlySpan<int> values)
    {
        var interim = 0;
        foreach (var v in values)
        {
            interim = Times2(interim) ^ v;
        }
        return interim;
    }

    /// <summary>Multiplies by x in GF(2⁵) modulo x⁵ + x² + 1; in characteristic 2 the check value −2·i is 2·i.</summary>
    private static int Times2(int v)
    {
        v <<= 1;
        return (v & 32) != 0 ? v ^ 0b100101 : v;
    }

    private static string Format(ReadOnlySpan<int> values) => string.Create(Length, values.ToArray(), static (span, v) =>
    {
        var j = 0;
        for (var i = 0; i < v.Length; i++)
        {
            if (i is 4 or 8)
            {
                span[j++] = '-';
            }
            span[j++] = Alphabet[v[i]];
        }
    });
}
