namespace Panah.Core.Protection;

/// <summary>What a protection case is about: child protection (CPIMS+) or women and girls at risk, including GBV (GBVIMS+).</summary>
public enum CaseType
{
    ChildUnaccompanied = 1,
    ChildSeparated = 2,
    ChildOtherRisk = 3,
    WomanAtRisk = 4,
    Gbv = 5,
}

/// <summary>The case's priority: it sets how soon each task falls due.</summary>
public enum RiskLevel
{
    High = 1,
    Medium = 2,
    Low = 3,
}

public static class CaseTypes
{
    public static IReadOnlyList<CaseType> All { get; } = Enum.GetValues<CaseType>();

    /// <summary>Child protection cases: they carry a care arrangement and may need a Best Interests Assessment.</summary>
    public static bool IsChild(this CaseType type) => type is CaseType.ChildUnaccompanied or CaseType.ChildSeparated or CaseType.ChildOtherRisk;
}
