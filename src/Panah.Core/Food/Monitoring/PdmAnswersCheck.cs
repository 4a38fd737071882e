namespace Panah.Core.Food.Monitoring;

/// <summary>A problem with one answer: the question's code and the message's resource key.</summary>
public sealed record PdmAnswerError(string Question, string Message);

/// <summary>
/// Checks answers at the edge (the form, the API, each CSV row): days 0–7, frequencies and choices known, amounts
/// not negative, short free text. A blank is allowed: the indicators decide what a blank means.
/// </summary>
public static class PdmAnswersCheck
{
    public const string DaysOutOfRange = "Pdm.Error.Days";
    public const string AmountOutOfRange = "Pdm.Error.Amount";
    public const string MinutesOutOfRange = "Pdm.Error.Minutes";
    public const string TooLong = "Pdm.Error.TooLong";
    public const string HungerCount = "Pdm.Error.HungerCount";
    public const string Unknown = "Pdm.Error.Unknown";

    /// <summary>The largest amount accepted for one spending item (local currency): more is a typing slip.</summary>
    public const decimal MaxAmount = 10_000_000;

    public static List<PdmAnswerError> Check(PdmAnswers a)
    {
        var errors = new List<PdmAnswerError>();
        var foodCodes = PdmQuestions.FcsItems.Select(i => i.Code).ToHashSet();
        foreach (var (code, days) in a.FoodDays)
        {
            if (!foodCodes.Contains(code))
            {
                errors.Add(new("food." + code, Unknown));
            }
            else if (days is < 0 or > 7)
            {
                errors.Add(new("food." + code, DaysOutOfRange));
            }
        }
        foreach (var (item, days) in a.CopingDays)
        {
            if (!Enum.IsDefined(item))
            {
                errors.Add(new("coping", Unknown));
            }
            else if (days is < 0 or > 7)
            {
                errors.Add(new("coping." + item, DaysOutOfRange));
            }
        }
        if (a.Hunger.Count is not (0 or HouseholdHungerScale.Questions))
        {
            errors.Add(new("hunger", HungerCount));
        }
        if (a.Hunger.Any(h => h.Frequency is { } f && !Enum.IsDefined(f)))
        {
            errors.Add(new("hunger", Unknown));
        }
        var strategies = LivelihoodCoping.Strategies.Select(s => s.Code).ToHashSet();
        foreach (var (code, answer) in a.Livelihood)
        {
            if (!strategies.Contains(code) || (answer is { } v && !Enum.IsDefined(v)))
            {
                errors.Add(new("livelihood." + code, Unknown));
            }
        }
        var spending = PdmQuestions.SpendingItems.Select(s => s.Code).ToHashSet();
        foreach (var (code, amount) in a.Spending)
        {
            if (!spending.Contains(code))
            {
                errors.Add(new("spending." + code, Unknown));
            }
            else if (amount is < 0 or > MaxAmount)
            {
                errors.Add(new("spending." + code, AmountOutOfRange));
            }
        }
        if (a.CollectedBy is { } c && !Enum.IsDefined(c))
        {
            errors.Add(new("collectedBy", Unknown));
        }
        if (a.WaitingMinutes is < 0 or > 24 * 60)
        {
            errors.Add(new("waitingMinutes", MinutesOutOfRange));
        }
        if (a.ItemsReceived?.Length > PdmQuestions.FreeTextMaxLength)
        {
            errors.Add(new("itemsReceived", TooLong));
        }
        if (a.Comment?.Length > PdmQuestions.FreeTextMaxLength)
        {
            errors.Add(new("comment", TooLong));
        }
        return errors;
    }
}
