namespace Panah.Core.Protection;

/// <summary>How strongly a registered person may be the relative sought, in words a case worker reads.</summary>
public enum TracingStrength
{
    Weak = 1,
    Moderate = 2,
    Strong = 3,
}

public static class TracingStrengths
{
    /// <summary>
    /// Strong from 0.8, moderate from 0.5, weak below. The matcher's probability here rests on names alone (no birth
    /// date, document or phone to agree), so a given, family and father's name agreeing in full score about 0.84.
    /// </summary>
    public static TracingStrength Of(double probability) => probability switch
    {
        >= 0.8 => TracingStrength.Strong,
        >= 0.5 => TracingStrength.Moderate,
        _ => TracingStrength.Weak,
    };
}
