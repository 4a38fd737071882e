namespace Panah.Matching;

/// <summary>Fuzzy overlap of two token lists (addresses, multi-part names).</summary>
internal static class TokenSet
{
    /// <summary>Tokens of the shorter list with a close partner (Jaro–Winkler ≥ 0.9) in the other, as a share of both lengths (mean).</summary>
    public static double Overlap(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
            return 0;
        if (a.Length > b.Length)
            (a, b) = (b, a);
        var matched = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                // Typos rarely touch the first letter: only such candidates get the (costly) Jaro–Winkler.
                if (x == y || (x.Length > 2 && y.Length > 2 && x[0] == y[0] && Math.Abs(x.Length - y.Length) <= 2 && JaroWinkler.Similarity(x, y) >= 0.9))
                {
                    matched++;
                    break;
                }
            }
        }

        return 0.5 * ((double)matched / a.Length + (double)matched / b.Length);
    }
}
