namespace Panah.Core.Imports;

/// <summary>The Panah registration fields an import column can fill, as mappings and reports name them.</summary>
public static class ImportFields
{
    public const string District = "district";
    public const string Neighbourhood = "neighbourhood";
    public const string Address = "address";
    public const string HouseholdPhone = "household_phone";
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string FatherName = "father_name";
    public const string NameScript = "name_script";
    public const string Sex = "sex";
    public const string BirthDate = "birth_date";
    public const string Relationship = "relationship";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Vulnerabilities = "vulnerabilities";
    public const string Consent = "consent";

    public static IReadOnlyList<string> Household { get; } = [District, Neighbourhood, Address, HouseholdPhone];

    public static IReadOnlyList<string> Member { get; } =
        [GivenName, FamilyName, FatherName, NameScript, Sex, BirthDate, Relationship, Phone, Email, Vulnerabilities, Consent];

    public static bool IsKnown(string field) => Household.Contains(field) || Member.Contains(field);
}

/// <summary>
/// Which column fills which field, and how a form's answers read as Panah's values (e.g. "E"/"K" → male/female).
/// A column not named in <see cref="Columns"/> maps itself when its name after the last '/' is a field's name
/// (<c>household/district</c>, <c>member/given_name</c>), as Kobo's group paths are written.
/// </summary>
public sealed record ImportMapping
{
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>Field → the form's answer → Panah's answer; compared without case and surrounding spaces.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The privacy notice the form's consent question was asked under.</summary>
    public string NoticeVersion { get; init; } = "import";

    /// <summary>The field <paramref name="column"/> fills, or null when it fills none.</summary>
    public string? FieldOf(string column)
    {
        if (Columns.TryGetValue(column, out var mapped))
        {
            return ImportFields.IsKnown(mapped) ? mapped : null;
        }
        var name = column[(column.LastIndexOf('/') + 1)..].Trim().ToLowerInvariant();
        return ImportFields.IsKnown(name) ? name : null;
    }

    /// <summary>The form's answer as Panah reads it: the mapping's own value where it has one, else the answer itself.</summary>
    public string Translate(string field, string answer) =>
        Values.TryGetValue(field, out var map) && map.FirstOrDefault(p => string.Equals(p.Key.Trim(), answer.Trim(), StringComparison.OrdinalIgnoreCase)) is { Key: not null } hit
            ? hit.Value
            : answer;
}
