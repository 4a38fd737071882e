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
    /// <summary>Strong from 0.9, moderate from 0.6, weak below (the matcher's probability on names alone).</summary>
    public static TracingStrength Of(double probability) => probability switch
    {
        >= 0.9 => TracingStrength.Strong,
        >= 0.6 => TracingStrength.Moderate,
        _ => TracingStrength.Weak,
    };
}
