namespace Panah.Matching;

/// <summary>
/// Estimates m and the match prior λ from unlabelled candidate pairs (Fellegi–Sunter with conditional
/// independence), u being fixed beforehand from random pairs (<see cref="RandomPairs"/>), as Splink does:
/// candidate pairs can be almost all matches (tight blocking), which leaves EM nothing to learn u from.
/// Pairs are grouped by agreement pattern first, so each iteration costs one pass over the distinct
/// patterns (a few thousand), not over the millions of pairs.
/// </summary>
internal static class ExpectationMaximisation
{
    private const double Floor = 1e-6;

    /// <summary>No level is impossible for a true match (phones change, people move): m never drops below 0.1 %.</summary>
    private const double MinimumM = 1e-3;

    /// <param name="patternCounts">Candidate pairs per agreement pattern.</param>
    /// <param name="u">u per field and level, from random pairs.</param>
    /// <param name="frequencies">Value frequencies for the term-frequency adjustment.</param>
    /// <param name="allPairs">Number of record pairs in the data set, n(n−1)/2.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    /// <param name="iterations">Iterations run.</param>
    /// <returns>A model whose prior is the match share among ALL pairs (<see cref="MatchPrior"/>): u comes from random
    /// pairs, so the prior must too, or the evidence of blocking counts twice.</returns>
    public static MatchModel Fit(IReadOnlyDictionary<ulong, long> patternCounts, double[][] u, TermFrequencies frequencies, double allPairs, int maxIterations, out int iterations)
    {
        var m = Estimate(patternCounts, u, null, AllFields, maxIterations, out _, out iterations);
        return Model(patternCounts, m, u, frequencies, allPairs);
    }

    /// <summary>
    /// The Splink recipe: m of the names and most fields from pairs born on the same day (date left out of
    /// EM), m of the birth date from pairs with the same names (names left out); then λ over all pairs (<see cref="MatchPrior"/>).
    /// </summary>
    public static MatchModel FitByBlocks(IReadOnlyDictionary<ulong, long> candidates, IReadOnlyDictionary<ulong, long> sameDate,
        IReadOnlyDictionary<ulong, long> sameNames, double[][] u, TermFrequencies frequencies, double allPairs, int maxIterations, out int iterations)
    {
        const int Date = (int)MatchField.BirthDate;
        var notDate = AllFields & ~(1 << Date);
        var notNames = AllFields & ~0b111;
        var m = Estimate(sameDate, u, null, notDate, maxIterations, out _, out var first);
        var fromNames = Estimate(sameNames, u, null, notNames, maxIterations, out _, out var second);
        if (Total(sameNames) >= 100)
            m[Date] = fromNames[Date];
        if (Total(sameDate) < 100)
            m = fromNames;
        iterations = first + second;
        return Model(candidates, m, u, frequencies, allPairs);
    }

    private const int AllFields = (1 << FieldLevels.FieldCount) - 1;

    private static double Total(IReadOnlyDictionary<ulong, long> counts) => counts.Values.Sum();

    /// <summary>λ over all pairs with m and u fixed (<see cref="MatchPrior"/>): the evidence of each candidate pattern,
    /// with the term-frequency adjustment of exact names, weighed against the n(n−1)/2 pairs of the data set.</summary>
    private static MatchModel Model(IReadOnlyDictionary<ulong, long> candidates, double[][] m, double[][] u, TermFrequencies frequencies, double allPairs)
    {
        var evidence = new List<(double Bits, double Count)>(candidates.Count);
        foreach (var pattern in candidates.Keys.Order())
            evidence.Add((Evidence(new Comparison(pattern), m, u), candidates[pattern]));
        var prior = allPairs > 0 ? MatchPrior.Estimate(evidence, allPairs) : 0.5;
        return new MatchModel(prior, m, u, frequencies);
    }

    /// <summary>log2 m/u of a pattern over the informative fields; negative infinity for a cannot-link.</summary>
    private static double Evidence(Comparison c, double[][] m, double[][] u)
    {
        if (c.CannotLink)
            return double.NegativeInfinity;
        double bits = 0;
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var level = c.Level(f);
            if (level >= FieldLevels.NotInformative)
                continue;
            bits += Math.Log2(m[f][level] / u[f][level]);
            if (level == 0 && f < 2)
                bits += c.TermFrequencyBits(f);
        }

        return bits;
    }

    /// <summary>EM over pattern counts using the fields in <paramref name="fields"/> (a bit mask). When
    /// <paramref name="fixedM"/> is given only λ is estimated.</summary>
    private static double[][] Estimate(IReadOnlyDictionary<ulong, long> patternCounts, double[][] u, double[][]? fixedM, int fields, int maxIterations, out double lambdaOut, out int iterations)
    {
        // Sorted, so that sums run in the same order whatever order the worker threads filled the table in:
        // the same input always gives the same model.
        var patterns = patternCounts.Keys.Order().ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();

        var m = NewTable();
        if (fixedM is null)
            Initialise(m);
        else
            CopyTo(fixedM, m);
        var lambda = 0.1;
        var mNext = NewTable();
        iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            Clear(mNext);
            double matches = 0, total = 0;
            for (var p = 0; p < patterns.Length; p++)
            {
                var c = new Comparison(patterns[p]);
                double logM = Math.Log(lambda), logU = Math.Log(1 - lambda);
                for (var f = 0; f < FieldLevels.FieldCount; f++)
                {
                    var level = c.Level(f);
                    if (level >= FieldLevels.NotInformative || (fields & (1 << f)) == 0)
                        continue;
                    logM += Math.Log(m[f][level]);
                    logU += Math.Log(u[f][level]);
                    if (level == 0 && f < 2)
                        logU -= c.TermFrequencyBits(f) * Math.Log(2);
                }

                // A cannot-link pair is two people: counted as a match it would inflate λ (siblings and household
                // members agree on much but the given name) and teach m that matches disagree on dates and documents.
                var posterior = c.CannotLink ? 0 : 1 / (1 + Math.Exp(logU - logM));
                var wm = counts[p] * posterior;
                matches += wm;
                total += counts[p];
                for (var f = 0; f < FieldLevels.FieldCount; f++)
                {
                    var level = c.Level(f);
                    if (level >= FieldLevels.NotInformative)
                        continue;
                    mNext[f][level] += wm;
                }
            }

            if (fixedM is not null)
                CopyTo(m, mNext);
            Normalise(mNext, MinimumM);
            var newLambda = Math.Clamp(matches / Math.Max(total, 1), 1e-7, 1 - 1e-7);
            var change = Math.Max(MaxChange(m, mNext), Math.Abs(newLambda - lambda));
            (m, mNext) = (mNext, m);
            lambda = newLambda;
            if (change < 1e-6)
                break;
        }

        lambdaOut = lambda;
        return m;
    }

    private static void CopyTo(double[][] from, double[][] to)
    {
        for (var f = 0; f < from.Length; f++)
            Array.Copy(from[f], to[f], from[f].Length);
    }

    /// <summary>Starts m at "matches mostly agree".</summary>
    private static void Initialise(double[][] m)
    {
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var levels = m[f].Length;
            m[f][0] = 0.7;
            for (var l = 1; l < levels; l++)
                m[f][l] = 0.3 / (levels - 1) * (l == levels - 1 ? 0.5 : 1);
            Normalise(m[f]);
        }
    }

    internal static double[][] NewTable()
    {
        var table = new double[FieldLevels.FieldCount][];
        for (var f = 0; f < FieldLevels.FieldCount; f++)
            table[f] = new double[FieldLevels.Count(f)];
        return table;
    }

    private static void Clear(double[][] table)
    {
        foreach (var row in table)
            Array.Clear(row);
    }

    internal static void Normalise(double[][] table)
    {
        foreach (var row in table)
            Normalise(row);
    }

    private static void Normalise(double[][] table, double floor)
    {
        foreach (var row in table)
            Normalise(row, floor);
    }

    private static void Normalise(double[] row, double floor = Floor)
    {
        double sum = 0;
        foreach (var v in row)
            sum += v;
        for (var l = 0; l < row.Length; l++)
            row[l] = sum > 0 ? Math.Max(row[l] / sum, floor) : 1.0 / row.Length;
        sum = row.Sum();
        for (var l = 0; l < row.Length; l++)
            row[l] /= sum;
    }

    private static double MaxChange(double[][] a, double[][] b)
    {
        double max = 0;
        for (var f = 0; f < a.Length; f++)
        {
            for (var l = 0; l < a[f].Length; l++)
                max = Math.Max(max, Math.Abs(a[f][l] - b[f][l]));
        }

        return max;
    }
}
