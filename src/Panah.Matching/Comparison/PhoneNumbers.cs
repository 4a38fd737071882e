namespace Panah.Matching;

/// <summary>Phone numbers to one national form: Turkish numbers without +90, 0090 or the trunk 0.</summary>
public static class PhoneNumbers
{
    /// <summary>
    /// Digits of the number as dialled inside Turkey without the trunk prefix ("+90 (532) 123-45-67",
    /// "0090 532 1234567" and "0532 123 45 67" all give "5321234567"); other countries keep their
    /// country code ("+86 139..." gives "86139..."). Empty when there are fewer than 5 digits.
    /// </summary>
    public static string Normalise(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return string.Empty;
        Span<char> digits = stackalloc char[Math.Min(phone.Length, 64)];
        var n = 0;
        var international = false;
        foreach (var c in phone)
        {
            if (c is >= '0' and <= '9' && n < digits.Length)
                digits[n++] = c;
            else if (c == '+' && n == 0)
                international = true;
        }

        ReadOnlySpan<char> d = digits[..n];
        if (d.StartsWith("00"))
        {
            d = d[2..];
            international = true;
        }

        if (international)
        {
            if (d.StartsWith("90"))
                d = d[2..];
        }
        else if (d.Length == 11 && d[0] == '0')
        {
            d = d[1..];
        }
        else if (d.Length == 12 && d.StartsWith("90"))
        {
            d = d[2..];
        }

        return d.Length < 5 ? string.Empty : new string(d);
    }
}
