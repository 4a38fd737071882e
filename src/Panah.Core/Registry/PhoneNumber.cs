namespace Panah.Core.Registry;

/// <summary>Phone numbers as written by people: spaces, dashes, +90, 0090 or a leading 0.</summary>
public static class PhoneNumber
{
    /// <summary>
    /// Digits only, with Turkish numbers reduced to their 10 national digits (5xx xxx xx xx) so that
    /// "+90 532 123 45 67", "0532 123 4567" and "5321234567" agree. Other numbers keep their country code.
    /// </summary>
    public static string Normalize(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0090", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits[2..];
        }
        else if (digits.StartsWith("90", StringComparison.Ordinal) && digits.Length == 12)
        {
            digits = digits[2..];
        }
        else if (digits.StartsWith('0') && digits.Length == 11)
        {
            digits = digits[1..];
        }
        return digits;
    }

    public static bool IsPlausible(string phone)
    {
        if (phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '.')))
        {
            return false;
        }
        var n = Normalize(phone).Length;
        return n is >= 7 and <= 15;
    }
}
