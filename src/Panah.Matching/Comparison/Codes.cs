namespace Panah.Matching;

/// <summary>Document numbers: upper-case letters and digits only.</summary>
internal static class Codes
{
    public static string Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return string.Empty;
        Span<char> buffer = stackalloc char[Math.Min(code.Length, 64)];
        var n = 0;
        foreach (var c in code)
        {
            if (n == buffer.Length)
                break;
            if (c is >= '0' and <= '9' or >= 'A' and <= 'Z')
                buffer[n++] = c;
            else if (c is >= 'a' and <= 'z')
                buffer[n++] = (char)(c - 32);
        }

        return new string(buffer[..n]);
    }
}
