namespace Panah.Matching;

/// <summary>Cheap edit-distance checks for short codes (dates, phones, document numbers).</summary>
internal static class EditDistance
{
    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by one substitution, insertion,
    /// deletion or swap of two adjacent characters (or none).</summary>
    public static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        if (a.Length == 0 && b.Length == 0)
            return true;
        if (a.Length == b.Length)
        {
            if (a[1..].SequenceEqual(b[1..]))
                return true;
            return a.Length >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..].SequenceEqual(b[2..]);
        }

        if (a.Length == b.Length + 1)
            return a[1..].SequenceEqual(b);
        if (b.Length == a.Length + 1)
            return b[1..].SequenceEqual(a);
        return false;
    }
}
