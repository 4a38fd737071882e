namespace Panah.Core.Registry;

/// <summary>
/// Turkish identity numbers (T.C. Kimlik No and foreigner numbers share one algorithm):
/// 11 digits, the first not 0; digit 10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10;
/// digit 11 = (d1+...+d10) mod 10. Foreigner numbers start with 99.
/// </summary>
public static class TurkishIdNumber
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 11 || value[0] == '0')
        {
            return false;
        }
        Span<int> d = stackalloc int[11];
        for (var i = 0; i < 11; i++)
        {
            var c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }
            d[i] = c - '0';
        }
        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        var tenth = ((odd * 7) - even) % 10;
        if (tenth < 0)
        {
            tenth += 10;
        }
        if (d[9] != tenth)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            sum += d[i];
        }
        return d[10] == sum % 10;
    }

    public static bool IsForeignerNumber(string? value) => IsValid(value) && value!.StartsWith("99", StringComparison.Ordinal);

    /// <summary>Completes the two check digits for a 9-digit prefix (used by the demo-data generator and tests).</summary>
    public static string Complete(string nineDigits)
    {
        if (nineDigits.Length != 9 || nineDigits[0] == '0' || !nineDigits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Nine digits, the first not 0, are needed.", nameof(nineDigits));
        }
        var d = nineDigits.Select(c => c - '0').ToArray();
        var tenth = ((((d[0] + d[2] + d[4] + d[6] + d[8]) * 7) - (d[1] + d[3] + d[5] + d[7])) % 10 + 10) % 10;
        var eleventh = (d.Sum() + tenth) % 10;
        return nineDigits + tenth + eleventh;
    }
}
