using System.Text;
using nietras.SeparatedValues;
using Panah.Core;
using Panah.Core.Food.Monitoring;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Monitoring;

/// <summary>A problem in one row of an imported file: its line (the header is line 1), the column, the message's resource key.</summary>
public sealed record CsvRowError(int Line, string Column, string Message);

/// <summary>A file read: its surveys by line, the problems of its rows, or why it was refused as a whole (a resource key).</summary>
public sealed record PdmCsvFile(IReadOnlyList<(int Line, SurveyInput Survey)> Rows, IReadOnlyList<CsvRowError> Errors, string? Refused);

/// <summary>The survey answers as CSV: one row per household, the household's code then one column per <see cref="PdmFields"/> name.</summary>
public static class PdmCsv
{
    public const string HouseholdColumn = "householdCode";
    public const string Encoding = "Pdm.Import.Encoding";
    public const string Empty = "Pdm.Import.Empty";
    public const string Columns = "Pdm.Import.Columns";
    public const string TooManyRows = "Pdm.Import.TooManyRows";
    public const string TooLarge = "Pdm.Import.TooLarge";
    public const string Malformed = "Pdm.Import.Malformed";
    public const string Width = "Pdm.Import.Width";
    public const string NoHousehold = "Pdm.Error.Household";

    public static readonly IReadOnlyList<string> Header = [HouseholdColumn, .. PdmFields.All];

    public static byte[] Template()
    {
        var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        CsvText.Writer(text, Header).Dispose();
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    public static PdmCsvFile Read(byte[] bytes, int maxRows)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Refuse(Encoding);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Refuse(Empty);
        }
        // NUL and other control characters (tab and line ends aside) are not in any survey file: binary uploaded by mistake.
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return Refuse(Encoding);
        }
        // An odd number of quotes leaves a field open to the end of the file: Sep would read the rest as its value.
        if (text.Count(c => c == '"') % 2 != 0)
        {
            return Refuse(Malformed);
        }
        try
        {
            return ReadRows(text, maxRows);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or NotSupportedException or KeyNotFoundException)
        {
            // Sep's complaints about a broken file (unbalanced quotes, a repeated header): the file as a whole is refused.
            return Refuse(Malformed);
        }
    }

    private static PdmCsvFile ReadRows(string text, int maxRows)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).FromText(text);
        var names = reader.Header.ColNames;
        if (names.Count != Header.Count || !names.ToHashSet(StringComparer.Ordinal).SetEquals(Header))
        {
            return Refuse(Columns);
        }
        var rows = new List<(int, SurveyInput)>();
        var errors = new List<CsvRowError>();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        foreach (var row in reader)
        {
            if (rows.Count + 1 > maxRows)
            {
                return Refuse(TooManyRows);
            }
            var line = row.LineNumberFrom;
            if (row.ColCount != names.Count)
            {
                errors.Add(new(line, "", Width));
                rows.Add((line, new SurveyInput(null, null, new PdmAnswers())));
                continue;
            }
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, column) in index)
            {
                cells[name] = row[column].ToString();
            }
            var code = cells[HouseholdColumn];
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add(new(line, HouseholdColumn, NoHousehold));
            }
            var (answers, problems) = PdmFields.Parse(name => cells.GetValueOrDefault(name));
            errors.AddRange(problems.Select(p => new CsvRowError(line, p.Question, p.Message)));
            rows.Add((line, new SurveyInput(null, code, answers)));
        }
        return rows.Count == 0 ? Refuse(Empty) : new PdmCsvFile(rows, errors, null);
    }

    private static PdmCsvFile Refuse(string reason) => new([], [], reason);
}
