namespace Panah.Matching;

/// <summary>m and u of one comparison level: the chance of that level for a true match and for a non-match.</summary>
public sealed record LevelParameters(string Name, double M, double U)
{
    /// <summary>Match weight of the level in bits: log2(m/u).</summary>
    public double Weight => Math.Log2(M / U);
}

/// <summary>The comparison levels of one field.</summary>
public sealed record FieldParameters(MatchField Field, IReadOnlyList<LevelParameters> Levels);
