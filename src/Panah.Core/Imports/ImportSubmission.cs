namespace Panah.Core.Imports;

/// <summary>One sheet of an import file: its header row and its rows, each cell as text (empty when blank).</summary>
public sealed record ImportSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows)
{
    public int Column(string header) => Headers.ToList().FindIndex(h => string.Equals(h.Trim(), header, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A row of a sheet by column name; <see cref="Number"/> is the row as a spreadsheet numbers it (the header is row 1).</summary>
public sealed record ImportRow(string Sheet, int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
}

/// <summary>One household as a form submitted it: the household's row and its members' rows.</summary>
public sealed record ImportSubmission(ImportRow Household, IReadOnlyList<ImportRow> Members)
{
    /// <summary>Kobo's identity of the submission; a file without it is identified by the household row's content.</summary>
    public string Identity => Household["_uuid"] ?? string.Join('\u001f', Household.Cells.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value));
}

/// <summary>
/// Puts a Kobo export back together: the first sheet holds submissions, a sheet with <c>_parent_index</c> is a repeat
/// group whose rows belong to the submission with that <c>_index</c>. Without a repeat sheet every row is a
/// household of one person, whose fields are on the same row (a plain CSV or spreadsheet).
/// </summary>
public static class ImportSubmissions
{
    public static IEnumerable<ImportSubmission> From(IReadOnlyList<ImportSheet> sheets)
    {
        if (sheets.Count == 0)
        {
            yield break;
        }
        var main = sheets[0];
        var repeat = sheets.Skip(1).FirstOrDefault(s => s.Column("_parent_index") >= 0);
        var members = new Dictionary<string, List<ImportRow>>();
        if (repeat is not null)
        {
            foreach (var row in Rows(repeat))
            {
                var parent = row["_parent_index"] ?? "";
                if (!members.TryGetValue(parent, out var list))
                {
                    members[parent] = list = [];
                }
                list.Add(row);
            }
        }
        foreach (var row in Rows(main))
        {
            yield return repeat is null ? new ImportSubmission(row, [row]) : new ImportSubmission(row, members.GetValueOrDefault(row["_index"] ?? "") ?? []);
        }
    }

    /// <summary>The sheet's rows by column name, leaving out rows with nothing in them.</summary>
    private static IEnumerable<ImportRow> Rows(ImportSheet sheet)
    {
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var cells = sheet.Rows[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < sheet.Headers.Count && c < cells.Length; c++)
            {
                named.TryAdd(sheet.Headers[c].Trim(), cells[c]?.Trim() ?? "");
            }
            yield return new ImportRow(sheet.Name, i + 2, named);
        }
    }
}
