namespace Panah.Core.Food.Monitoring;

/// <summary>Who collected the food, as the household tells it.</summary>
public enum Collector
{
    Head = 1,
    AlternateCollector = 2,
    OtherMember = 3,
    SomeoneElse = 4,
}

/// <summary>
/// One household's post-distribution monitoring answers (personal data: kept sealed). Keys are the question
/// codes of <see cref="PdmQuestions"/>; a missing key is a blank answer.
/// </summary>
public sealed record PdmAnswers
{
    /// <summary>Days in the last 7 each food item was eaten, by <see cref="PdmQuestions.FcsItems"/> code.</summary>
    public Dictionary<string, int?> FoodDays { get; init; } = [];

    /// <summary>Days in the last 7 each rCSI strategy was used.</summary>
    public Dictionary<RcsiItem, int?> CopingDays { get; init; } = [];

    /// <summary>The three HHS questions in order: did it happen, and how often.</summary>
    public List<HhsAnswer> Hunger { get; init; } = [];

    /// <summary>Livelihood coping strategies by <see cref="LivelihoodCoping.Strategies"/> code.</summary>
    public Dictionary<string, LcsAnswer?> Livelihood { get; init; } = [];

    /// <summary>Spending by <see cref="PdmQuestions.SpendingItems"/> code (local currency).</summary>
    public Dictionary<string, decimal?> Spending { get; init; } = [];

    public Collector? CollectedBy { get; init; }
    public int? WaitingMinutes { get; init; }

    /// <summary>Did the household receive every item of its entitlement in the full quantity?</summary>
    public bool? ReceivedEverything { get; init; }

    /// <summary>Items and quantities received, in the household's words.</summary>
    public string? ItemsReceived { get; init; }
    public string? Comment { get; init; }
}

public sealed record HhsAnswer(bool? Happened, HhsFrequency? Frequency);

/// <summary>The indicators computed from one household's answers: numbers only, the only part kept in clear.</summary>
public sealed record PdmScores(double? Fcs, FcsCategory? FcsCategory, int? Rcsi, int Hhs, LcsLevel Lcs, decimal? FoodShare, int? Fes, CariCategory? Cari)
{
    public static PdmScores Of(PdmAnswers a, FcsThresholds thresholds)
    {
        var fcs = FoodConsumptionScore.Compute(PdmQuestions.FcsItems.Select(i => (i.Group, a.FoodDays.GetValueOrDefault(i.Code))));
        var category = fcs is { } f ? thresholds.Categorise(f) : (FcsCategory?)null;
        var rcsi = ReducedCopingStrategies.Compute(a.CopingDays);
        var hhs = HouseholdHungerScale.Compute([.. a.Hunger.Select(h => h.Frequency)]);
        var lcs = LivelihoodCoping.Compute(LivelihoodCoping.Strategies.Select(s => (s.Level, a.Livelihood.GetValueOrDefault(s.Code))));
        var share = FoodExpenditureShare.Compute(PdmQuestions.SpendingItems.Select(s => new Spending(s.Food, s.Recall, a.Spending.GetValueOrDefault(s.Code))));
        var fes = share is { } s ? FoodExpenditureShare.FourPoint(s) : (int?)null;
        return new(fcs, category, rcsi, hhs, lcs, share, fes, Monitoring.Cari.Compute(category, rcsi, lcs, fes));
    }
}

/// <summary>The survey's questions by code: the form, the CSV template and the scoring all read these lists.</summary>
public static class PdmQuestions
{
    /// <summary>FCS items; several items of one group are summed and capped at 7.</summary>
    public static readonly IReadOnlyList<(string Code, FcsGroup Group)> FcsItems =
    [
        ("staples", FcsGroup.Staples),
        ("pulses", FcsGroup.Pulses),
        ("dairy", FcsGroup.Dairy),
        ("meat", FcsGroup.MeatFishEggs),
        ("fish", FcsGroup.MeatFishEggs),
        ("eggs", FcsGroup.MeatFishEggs),
        ("vegetables", FcsGroup.Vegetables),
        ("fruit", FcsGroup.Fruit),
        ("oil", FcsGroup.Oil),
        ("sugar", FcsGroup.Sugar),
        ("condiments", FcsGroup.Condiments),
    ];

    /// <summary>Spending questions: food over 7 days by source (bought, aid or gift, own production), the rest over 30 days or 6 months.</summary>
    public static readonly IReadOnlyList<(string Code, bool Food, SpendingRecall Recall)> SpendingItems =
    [
        ("food_bought", true, SpendingRecall.SevenDays),
        ("food_aid_gift", true, SpendingRecall.SevenDays),
        ("food_own", true, SpendingRecall.SevenDays),
        ("rent", false, SpendingRecall.Month),
        ("utilities", false, SpendingRecall.Month),
        ("transport", false, SpendingRecall.Month),
        ("hygiene", false, SpendingRecall.Month),
        ("health", false, SpendingRecall.SixMonths),
        ("education", false, SpendingRecall.SixMonths),
        ("clothing", false, SpendingRecall.SixMonths),
    ];

    public const int FreeTextMaxLength = 500;
}
