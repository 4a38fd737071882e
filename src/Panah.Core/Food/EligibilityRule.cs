using System.Text.Json;
using System.Text.Json.Serialization;
using Panah.Core.Registry;

namespace Panah.Core.Food;

/// <summary>
/// Who a distribution cycle serves: every active registered household, narrowed by any of the filters set. Filters
/// combine with "and"; within one filter (several districts, several specific needs) any value matches. Stored as
/// JSON on the cycle.
/// </summary>
public sealed record EligibilityRule
{
    /// <summary>Households with at least one member who has any of these specific needs (none: no filter).</summary>
    public Vulnerability Needs { get; init; }
    public int? MinMembers { get; init; }
    public int? MaxMembers { get; init; }

    /// <summary>Districts as registered; empty: every district.</summary>
    public IReadOnlyList<string> Districts { get; init; } = [];

    /// <summary>Field office codes ("KAY"); empty: every office.</summary>
    public IReadOnlyList<string> FieldOffices { get; init; } = [];

    /// <summary>Registered on or after this day.</summary>
    public DateOnly? RegisteredFrom { get; init; }

    /// <summary>Registered before this day.</summary>
    public DateOnly? RegisteredBefore { get; init; }

    public const int MaxListLength = 50;

    /// <summary>No filter at all: everyone registered (and active).</summary>
    [JsonIgnore]
    public bool IsEveryone => Needs == Vulnerability.None && MinMembers is null && MaxMembers is null && Districts.Count == 0
        && FieldOffices.Count == 0 && RegisteredFrom is null && RegisteredBefore is null;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>What is wrong with the rule, as message keys by field (empty when it can be used).</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (MinMembers is < 1 || MaxMembers is < 1)
        {
            errors[nameof(MinMembers)] = "Eligibility.MembersPositive";
        }
        else if (MinMembers > MaxMembers)
        {
            errors[nameof(MaxMembers)] = "Eligibility.MembersRange";
        }
        if (RegisteredFrom is { } from && RegisteredBefore is { } before && from >= before)
        {
            errors[nameof(RegisteredBefore)] = "Eligibility.DatesRange";
        }
        if (Districts.Count > MaxListLength || FieldOffices.Count > MaxListLength)
        {
            errors[nameof(Districts)] = "Eligibility.TooMany";
        }
        if (Districts.Any(d => string.IsNullOrWhiteSpace(d) || !PlainText.IsAllowed(d)))
        {
            errors[nameof(Districts)] = "Text.HiddenCharacters";
        }
        if ((Needs & ~Vulnerabilities.All.Aggregate(Vulnerability.None, (a, v) => a | v)) != 0)
        {
            errors[nameof(Needs)] = "Eligibility.UnknownNeed";
        }
        return errors;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The rule stored on a cycle; an empty or "{}" rule is everyone.</summary>
    public static EligibilityRule FromJson(string json) =>
        string.IsNullOrWhiteSpace(json) ? new EligibilityRule() : JsonSerializer.Deserialize<EligibilityRule>(json, Json) ?? new EligibilityRule();
}
