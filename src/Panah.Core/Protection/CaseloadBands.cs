namespace Panah.Core.Protection;

/// <summary>How many open cases a case worker carries, in the bands child protection caseload guidance reports.</summary>
public enum CaseloadBand
{
    Under10 = 1,
    From10To19 = 2,
    From20To29 = 3,
    From30 = 4,
}

public static class CaseloadBands
{
    /// <summary>The band of <paramref name="openCases"/>: under 10, 10–19, 20–29, 30 and more (issue 11's bands).</summary>
    public static CaseloadBand Of(int openCases) => openCases switch
    {
        < 10 => CaseloadBand.Under10,
        < 20 => CaseloadBand.From10To19,
        < 30 => CaseloadBand.From20To29,
        _ => CaseloadBand.From30,
    };
}
