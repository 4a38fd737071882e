namespace Panah.Matching;

/// <summary>Jaro–Winkler similarity (prefix scale 0.1, up to 4 prefix characters).</summary>
internal static class JaroWinkler
{
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
            return 0;
        if (a.SequenceEqual(b))
            return 1;
        if (a.Length > b.Length)
        {
            var t = a;
            a = b;
            b = t;
        }

        if (b.Length > 64)
            return a.Length == b.Length && a.SequenceEqual(b) ? 1 : Jaro(a[..Math.Min(a.Length, 64)], b[..64]);
        return Winkler(a, b, Jaro(a, b));
    }

    private static double Winkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double jaro)
    {
        if (jaro <= 0.7)
            return jaro;
        var prefix = 0;
        var max = Math.Min(4, a.Length);
        while (prefix < max && a[prefix] == b[prefix])
            prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>Jaro similarity; <paramref name="a"/> is the shorter string, at most 64 characters each.</summary>
    private static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var window = Math.Max(0, b.Length / 2 - 1);
        ulong usedB = 0;
        ulong matchedA = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if ((usedB & (1UL << j)) == 0 && a[i] == b[j])
                {
                    usedB |= 1UL << j;
                    matchedA |= 1UL << i;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
            return 0;
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((matchedA & (1UL << i)) == 0)
                continue;
            while ((usedB & (1UL << k)) == 0)
                k++;
            if (a[i] != b[k])
                transpositions++;
            k++;
        }

        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2) / m) / 3.0;
    }
}
