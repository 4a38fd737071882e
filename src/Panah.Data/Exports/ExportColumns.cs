using Panah.Data.Access;

namespace Panah.Data.Exports;

/// <summary>
/// The columns an export of personal data may carry, per dataset, each with the registry field it shows: a requester
/// may ask only for columns their role's <see cref="FieldAccess"/> shows them, and the file is cut the same way.
/// </summary>
public static class ExportColumns
{
    /// <summary>The watermark: the first column of every row, holding the export id.</summary>
    public const string Watermark = "panah_export";

    public static readonly IReadOnlyDictionary<ExportDataset, IReadOnlyDictionary<string, RegistryFields>> ByDataset = new Dictionary<ExportDataset, IReadOnlyDictionary<string, RegistryFields>>
    {
        [ExportDataset.Households] = new Dictionary<string, RegistryFields>
        {
            ["household_code"] = RegistryFields.HouseholdCode,
            ["district"] = RegistryFields.District,
            ["status"] = RegistryFields.HouseholdStatus,
            ["registered_on"] = RegistryFields.RegisteredOn,
            ["member_count"] = RegistryFields.MemberCount,
        },
        [ExportDataset.People] = new Dictionary<string, RegistryFields>
        {
            ["household_code"] = RegistryFields.HouseholdCode,
            ["district"] = RegistryFields.District,
            ["sex"] = RegistryFields.Sex,
            ["age_group"] = RegistryFields.AgeGroup,
            ["relationship"] = RegistryFields.Relationship,
            ["name"] = RegistryFields.Name,
            ["birth_date"] = RegistryFields.BirthDate,
            ["phone"] = RegistryFields.Phone,
        },
    };

    /// <summary>Columns that are sealed: the people's records are opened to fill them.</summary>
    public static readonly IReadOnlySet<string> Sealed = new HashSet<string> { "name", "birth_date", "phone" };

    /// <summary>What is wrong with asking for <paramref name="columns"/> of <paramref name="dataset"/> with <paramref name="shown"/> (a resource key, its argument after <c>|</c>), or null.</summary>
    public static string? Problem(ExportDataset dataset, IReadOnlyList<string> columns, RegistryFields shown)
    {
        if (columns.Count == 0)
        {
            return "Exports.Error.NoColumn";
        }
        var known = ByDataset[dataset];
        if (columns.Any(c => c is null || !known.ContainsKey(c)))
        {
            return $"Exports.Error.UnknownColumn|{string.Join(", ", known.Keys)}";
        }
        if (columns.Distinct().Count() != columns.Count)
        {
            return "Exports.Error.ColumnTwice";
        }
        return columns.FirstOrDefault(c => !shown.Shows(known[c])) is { } hidden ? $"Exports.Error.ColumnHidden|{hidden}" : null;
    }
}
