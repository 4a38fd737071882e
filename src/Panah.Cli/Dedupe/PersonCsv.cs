using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Panah.Core;
using Panah.Core.Registry;
using Panah.Matching;

namespace Panah.Cli.Dedupe;

/// <summary>A problem found in the input, with the line it is on (1-based, the header is line 1).</summary>
public sealed record CsvProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>
/// Reads people from CSV (header <c>id,given_name,family_name,father_name,sex,birth_date,birth_place,phone,document_number,address,household_id,email</c>,
/// columns in any order, unknown columns ignored, all but id optional) and writes <c>id,cluster</c>. The email is checked
/// with the registry's normaliser (<see cref="EmailAddress"/>) and a malformed one reported; the matcher has no email field
/// yet, so it is not evidence.
/// Bad values are reported and used as far as they can be; a row without an id (or repeating one) is reported and skipped.
/// </summary>
public static class PersonCsv
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "dd.MM.yyyy", "dd/MM/yyyy", "yyyy-M-d"];

    public static List<PersonRecord> ReadFile(string path, List<CsvProblem> problems)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, problems);
    }

    public static List<PersonRecord> Read(TextReader text, List<CsvProblem> problems)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).From(text);
        var columns = Columns(reader.Header);
        var people = new List<PersonRecord>();
        if (!columns.TryGetValue("id", out var idColumn))
        {
            problems.Add(new CsvProblem(1, "the header has no 'id' column"));
            return people;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var width = reader.Header.ColNames.Count;
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount != width)
                problems.Add(new CsvProblem(line, $"{row.ColCount} columns where the header has {width}; missing values are taken as empty"));
            var id = idColumn < row.ColCount ? row[idColumn].ToString() : string.Empty;
            if (id.Length == 0)
            {
                problems.Add(new CsvProblem(line, "no id; row skipped"));
                continue;
            }

            if (!seen.Add(id))
            {
                problems.Add(new CsvProblem(line, $"id '{id}' appears again; row skipped"));
                continue;
            }

            if (Get(row, columns, "email") is { } email && !EmailAddress.IsPlausible(email))
                problems.Add(new CsvProblem(line, "email is not an email address; ignored"));
            people.Add(new PersonRecord(id)
            {
                GivenName = Get(row, columns, "given_name"),
                FamilyName = Get(row, columns, "family_name"),
                FatherName = Get(row, columns, "father_name"),
                Sex = Get(row, columns, "sex"),
                BirthDate = ParseDate(Get(row, columns, "birth_date"), line, problems),
                BirthPlace = Get(row, columns, "birth_place"),
                Phone = Get(row, columns, "phone"),
                DocumentNumber = Get(row, columns, "document_number"),
                Address = Get(row, columns, "address"),
                HouseholdId = Get(row, columns, "household_id"),
            });
        }

        return people;
    }

    private static string? Get(SepReader.Row row, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var i) && i < row.ColCount && row[i].Span.Length > 0 ? row[i].ToString() : null;

    /// <summary>
    /// A YYYY-MM-DD date. Other common writings are accepted with a warning; an impossible date with a readable
    /// year becomes 1 January of that year (the registry's convention for an unknown day), anything else is dropped.
    /// </summary>
    internal static DateOnly? ParseDate(string? value, int line, List<CsvProblem> problems)
    {
        if (value is null)
            return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problems.Add(new CsvProblem(line, $"birth_date '{value}' is not YYYY-MM-DD; read as {date:yyyy-MM-dd}"));
            return date;
        }

        if (value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1880 and <= 2100)
        {
            problems.Add(new CsvProblem(line, $"birth_date '{value}' is not a valid date; only the year {year} is used"));
            return new DateOnly(year, 1, 1);
        }

        problems.Add(new CsvProblem(line, $"birth_date '{value}' is not a date; ignored"));
        return null;
    }

    public static void WriteClusters(string path, IReadOnlyList<PersonRecord> people, IReadOnlyList<string> clusters)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        using var writer = CsvText.Writer(file, ["id", "cluster"]);
        for (var i = 0; i < people.Count; i++)
        {
            using var row = writer.NewRow();
            row["id"].Set(CsvText.Safe(people[i].Id));
            row["cluster"].Set(CsvText.Safe(clusters[i]));
        }
    }

    public static void WriteReview(string path, IReadOnlyList<ScoredPair> pairs)
    {
        using var file = new StreamWriter(path, false, new UTF8Encoding(false));
        using var writer = CsvText.Writer(file, ["id_a", "id_b", "score_bits", "probability", "reason"]);
        foreach (var p in pairs)
        {
            using var row = writer.NewRow();
            row["id_a"].Set(CsvText.Safe(p.IdA));
            row["id_b"].Set(CsvText.Safe(p.IdB));
            row["score_bits"].Format(p.Score, "F2");
            row["probability"].Format(p.Probability, "F4");
            row["reason"].Set(CsvText.Safe(p.Reason?.ToString()));
        }
    }

    private static Dictionary<string, int> Columns(SepReaderHeader header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.ColNames.Count; i++)
            columns.TryAdd(header.ColNames[i].Trim().TrimStart('\uFEFF').Trim(), i);
        return columns;
    }
}
