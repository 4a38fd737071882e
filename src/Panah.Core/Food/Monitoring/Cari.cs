namespace Panah.Core.Food.Monitoring;

public enum CariCategory
{
    FoodSecure = 1,
    MarginallyFoodSecure = 2,
    ModeratelyFoodInsecure = 3,
    SeverelyFoodInsecure = 4,
}

/// <summary>WFP's Consolidated Approach for Reporting Indicators of food security, with the domain guide's edge-case rules.</summary>
public static class Cari
{
    /// <summary>FCS on CARI's 4-point scale: acceptable 1 (2 if rCSI ≥ 4; 1 when rCSI is missing), borderline 3, poor 4.</summary>
    public static int FcsFourPoint(FcsCategory fcs, int? rcsi) => fcs switch
    {
        FcsCategory.Acceptable => rcsi >= 4 ? 2 : 1,
        FcsCategory.Borderline => 3,
        _ => 4,
    };

    /// <summary>The mean of the coping parts present (LCS alone when FES is missing); missing when neither is.</summary>
    public static decimal? CopingCapacity(LcsLevel? lcs, int? fesFourPoint)
    {
        int[] parts = [.. new[] { (int?)lcs, fesFourPoint }.OfType<int>()];
        return parts.Length == 0 ? null : (decimal)parts.Sum() / parts.Length;
    }

    /// <summary>
    /// round(mean(FCS 4-point, coping capacity)) with halves away from zero (2.5 → 3, as Excel, SPSS and Stata; not
    /// banker's rounding). Missing when FCS is missing, or when no coping part is present.
    /// </summary>
    public static CariCategory? Compute(FcsCategory? fcs, int? rcsi, LcsLevel? lcs, int? fesFourPoint)
    {
        if (fcs is not { } f || CopingCapacity(lcs, fesFourPoint) is not { } coping)
        {
            return null;
        }
        return (CariCategory)(int)Math.Round((FcsFourPoint(f, rcsi) + coping) / 2, MidpointRounding.AwayFromZero);
    }
}
