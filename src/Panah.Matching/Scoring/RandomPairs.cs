namespace Panah.Matching;

/// <summary>
/// Estimates u, the chance of each comparison level among non-matches, from pairs drawn at random:
/// two random registrations are almost never the same person.
/// </summary>
internal static class RandomPairs
{
    private const int Chunk = 1 << 14;

    public static double[][] EstimateU(PreparedRecord[] records, int samples, int seed, ParallelOptions parallel)
    {
        var u = ExpectationMaximisation.NewTable();
        var n = records.Length;
        if (n < 2)
        {
            ExpectationMaximisation.Normalise(u);
            return u;
        }

        var all = (long)n * (n - 1) / 2;
        var exhaustive = all <= samples;
        var total = exhaustive ? all : samples;
        var chunks = (int)((total + Chunk - 1) / Chunk);
        Parallel.For(0, chunks, parallel, () => ExpectationMaximisation.NewTable(), (chunk, state, local) =>
        {
            var random = new Random(seed + chunk);
            var start = (long)chunk * Chunk;
            var end = Math.Min(total, start + Chunk);
            for (var k = start; k < end; k++)
            {
                int i, j;
                if (exhaustive)
                {
                    (i, j) = Triangle(k);
                }
                else
                {
                    i = random.Next(n);
                    j = random.Next(n - 1);
                    if (j >= i)
                        j++;
                }

                var c = Comparer.Compare(records[i], records[j]);
                for (var f = 0; f < FieldLevels.FieldCount; f++)
                {
                    var level = c.Level(f);
                    if (level < FieldLevels.NotInformative)
                        local[f][level]++;
                }
            }

            return local;
        }, local =>
        {
            lock (u)
            {
                for (var f = 0; f < u.Length; f++)
                {
                    for (var l = 0; l < u[f].Length; l++)
                        u[f][l] += local[f][l];
                }
            }
        });

        // Half a pair of pseudo-count: a level never seen among random pairs is rare, not impossible.
        foreach (var row in u)
        {
            for (var l = 0; l < row.Length; l++)
                row[l] += 0.5;
        }

        ExpectationMaximisation.Normalise(u);
        return u;
    }

    /// <summary>The k-th pair (i &lt; j) of the upper triangle, row by row.</summary>
    private static (int I, int J) Triangle(long k)
    {
        var j = (int)((1 + Math.Sqrt(1 + 8.0 * k)) / 2);
        while ((long)j * (j - 1) / 2 > k)
            j--;
        while ((long)(j + 1) * j / 2 <= k)
            j++;
        var i = (int)(k - (long)j * (j - 1) / 2);
        return (i, j);
    }
}
