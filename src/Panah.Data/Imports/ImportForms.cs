using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Panah.Core.Imports;

namespace Panah.Data.Imports;

/// <summary>A column of an import file and the field it fills (null: none).</summary>
public sealed record ImportColumn(string Sheet, string Name, string? Field);

/// <summary>Which form a file came from, its columns, and mappings as stored (JSON).</summary>
public static class ImportForms
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Kobo's form id (<c>_xform_id_string</c>) when the file carries one, else a hash of the sorted header names of
    /// every sheet: the next export of the same form finds the mapping chosen for this one.
    /// </summary>
    public static string KeyOf(IReadOnlyList<ImportSheet> sheets)
    {
        var form = sheets.Count > 0 && sheets[0].Column("_xform_id_string") is var c and >= 0
            ? sheets[0].Rows.Select(r => c < r.Length ? r[c] : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            : null;
        var text = form is not null
            ? "kobo:" + form.Trim()
            : "headers:" + string.Join('\u001f', sheets.SelectMany(s => s.Headers).Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Every column but Kobo's own bookkeeping (<c>_index</c>, <c>_uuid</c>…), with the field <paramref name="mapping"/> gives it.</summary>
    public static List<ImportColumn> Columns(IReadOnlyList<ImportSheet> sheets, ImportMapping mapping) =>
        sheets.SelectMany(s => s.Headers.Select(h => h.Trim()).Where(h => h.Length > 0 && !h.StartsWith('_') && !h.Equals("start", StringComparison.OrdinalIgnoreCase) && !h.Equals("end", StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase).Select(h => new ImportColumn(s.Name, h, mapping.FieldOf(h))))
            .ToList();

    public static string Write(ImportMapping mapping) => JsonSerializer.Serialize(mapping, Json);

    public static ImportMapping ReadMapping(string json) => JsonSerializer.Deserialize<ImportMapping>(json, Json) ?? new ImportMapping();

    public static string Write(IReadOnlyList<ImportColumn> columns) => JsonSerializer.Serialize(columns, Json);

    public static List<ImportColumn> ReadColumns(string json) => JsonSerializer.Deserialize<List<ImportColumn>>(json, Json) ?? [];
}
