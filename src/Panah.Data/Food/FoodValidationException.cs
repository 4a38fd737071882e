namespace Panah.Data.Food;

/// <summary>Food input that breaks a rule: field name (as the API spells it) → message keys of the resource files.</summary>
public sealed class FoodValidationException(IReadOnlyDictionary<string, List<string>> errors) : Exception("The food input is not valid.")
{
    public IReadOnlyDictionary<string, List<string>> Errors { get; } = errors;
}
