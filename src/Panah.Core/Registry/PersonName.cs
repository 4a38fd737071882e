namespace Panah.Core.Registry;

/// <summary>A person's name in one script: given, family and father's name.</summary>
public sealed record PersonName(NameScript Script, string Given, string? Family, string? Father)
{
    /// <summary>Given and family name as a person would read them.</summary>
    public string Display => string.IsNullOrWhiteSpace(Family) ? Given : $"{Given} {Family}";

    /// <summary>Every non-empty part of the name.</summary>
    public IEnumerable<string> Parts()
    {
        yield return Given;
        if (!string.IsNullOrWhiteSpace(Family))
        {
            yield return Family;
        }
        if (!string.IsNullOrWhiteSpace(Father))
        {
            yield return Father;
        }
    }
}
