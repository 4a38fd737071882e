using System.Globalization;
using Panah.Core.Food.Monitoring;
using Panah.Web.Features.Registry;

namespace Panah.Web.Features.Food.Monitoring;

/// <summary>
/// The survey as flat named answers, one name per question: the phone form's fields, the CSV template's columns
/// and the API's <c>answers</c> object all use these names, and this one parser.
/// </summary>
public static class PdmFields
{
    public const string NumberExpected = "Pdm.Error.Number";
    public const string UnknownColumn = "Pdm.Error.UnknownColumn";

    public static readonly IReadOnlyList<string> Food = [.. PdmQuestions.FcsItems.Select(i => "food." + i.Code)];
    public static readonly IReadOnlyList<string> Coping = [.. Enum.GetValues<RcsiItem>().Select(i => "coping." + EnumNames.Name(i))];
    public static readonly IReadOnlyList<string> Hunger = [.. Enumerable.Range(1, HouseholdHungerScale.Questions).SelectMany(i => new[] { $"hunger{i}.happened", $"hunger{i}.frequency" })];
    public static readonly IReadOnlyList<string> Livelihood = [.. LivelihoodCoping.Strategies.Select(s => "livelihood." + s.Code)];
    public static readonly IReadOnlyList<string> Spending = [.. PdmQuestions.SpendingItems.Select(s => "spending." + s.Code)];
    public static readonly IReadOnlyList<string> Distribution = ["collectedBy", "waitingMinutes", "receivedEverything", "itemsReceived", "comment"];

    public static readonly IReadOnlyList<string> All = [.. Food, .. Coping, .. Hunger, .. Livelihood, .. Spending, .. Distribution];
    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string name) => Known.Contains(name);

    /// <summary>The answers from <paramref name="value"/> (a name's text, null or blank when not answered), and every problem found.</summary>
    public static (PdmAnswers Answers, List<PdmAnswerError> Errors) Parse(Func<string, string?> value)
    {
        var errors = new List<PdmAnswerError>();
        int? Int(string name)
        {
            var text = value(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }
            errors.Add(new(name, NumberExpected));
            return null;
        }
        decimal? Amount(string name)
        {
            var text = value(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d))
            {
                return d;
            }
            errors.Add(new(name, NumberExpected));
            return null;
        }
        T? Choice<T>(string name) where T : struct, Enum
        {
            var text = value(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }
            if (EnumNames.TryParse<T>(text, out var parsed))
            {
                return parsed;
            }
            errors.Add(new(name, PdmAnswersCheck.Unknown));
            return null;
        }
        bool? YesNo(string name)
        {
            var text = value(name)?.Trim().ToLowerInvariant();
            switch (text)
            {
                case null or "":
                    return null;
                case "yes" or "true" or "1":
                    return true;
                case "no" or "false" or "0":
                    return false;
                default:
                    errors.Add(new(name, PdmAnswersCheck.Unknown));
                    return null;
            }
        }
        string? Text(string name) => value(name) is { } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;

        var answers = new PdmAnswers
        {
            FoodDays = PdmQuestions.FcsItems.Where(i => !string.IsNullOrWhiteSpace(value("food." + i.Code))).ToDictionary(i => i.Code, i => Int("food." + i.Code)),
            CopingDays = Enum.GetValues<RcsiItem>().ToDictionary(i => i, i => Int("coping." + EnumNames.Name(i))),
            Hunger = [.. Enumerable.Range(1, HouseholdHungerScale.Questions).Select(i => new HhsAnswer(YesNo($"hunger{i}.happened"), Choice<HhsFrequency>($"hunger{i}.frequency")))],
            Livelihood = LivelihoodCoping.Strategies.ToDictionary(s => s.Code, s => Choice<LcsAnswer>("livelihood." + s.Code)),
            Spending = PdmQuestions.SpendingItems.ToDictionary(s => s.Code, s => Amount("spending." + s.Code)),
            CollectedBy = Choice<Collector>("collectedBy"),
            WaitingMinutes = Int("waitingMinutes"),
            ReceivedEverything = YesNo("receivedEverything"),
            ItemsReceived = Text("itemsReceived"),
            Comment = Text("comment"),
        };
        // Range and length checks, named by the same field names.
        errors.AddRange(PdmAnswersCheck.Check(answers).Select(e => e with { Question = FieldName(e.Question) }));
        return (answers, errors);
    }

    /// <summary>The check's question names ("coping.BorrowFood") as field names ("coping.borrowFood").</summary>
    private static string FieldName(string question) =>
        question.StartsWith("coping.", StringComparison.Ordinal) && Enum.TryParse<RcsiItem>(question["coping.".Length..], out var item) ? "coping." + EnumNames.Name(item) : question;
}
