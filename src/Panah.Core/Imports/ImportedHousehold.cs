using System.Globalization;
using Panah.Core.Registry;

namespace Panah.Core.Imports;

/// <summary>What is wrong with one row of an import: the sheet's row, the Panah field (or column) and the reason's message key.</summary>
public sealed record ImportProblem(string Sheet, int Row, string Field, string Reason);

/// <summary>A submission read as registration input, with the row each member came from and what could not be read.</summary>
public sealed record ImportedHousehold(ImportSubmission Source, HouseholdDetails Household, IReadOnlyList<PersonDetails> Members, IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>The row member <paramref name="member"/> came from (a one-row submission's members all come from the household's row).</summary>
    public ImportRow RowOf(int member) => member >= 0 && member < Source.Members.Count ? Source.Members[member] : Source.Household;

    /// <summary>The longest cell an import reads; longer ones are refused rather than cut.</summary>
    public const int MaxCellLength = 1000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy/MM/dd"];

    private static readonly Dictionary<string, Sex> SexAnswers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["male"] = Sex.Male, ["m"] = Sex.Male, ["erkek"] = Sex.Male, ["er"] = Sex.Male, ["ئەر"] = Sex.Male,
        ["female"] = Sex.Female, ["f"] = Sex.Female, ["kadın"] = Sex.Female, ["kadin"] = Sex.Female, ["ayal"] = Sex.Female, ["ئايال"] = Sex.Female,
    };

    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase) { "yes", "1", "true", "evet", "ھەئە", "he'e" };

    /// <summary>Reads <paramref name="submission"/> through <paramref name="mapping"/>; the registry's own rules are checked later, by registration.</summary>
    public static ImportedHousehold Read(ImportSubmission submission, ImportMapping mapping, DateOnly today)
    {
        var problems = new List<ImportProblem>();
        var h = Fields(submission.Household, mapping, problems);
        var household = new HouseholdDetails
        {
            District = h.GetValueOrDefault(ImportFields.District) ?? "",
            Neighbourhood = h.GetValueOrDefault(ImportFields.Neighbourhood),
            Address = h.GetValueOrDefault(ImportFields.Address),
            Phone = h.GetValueOrDefault(ImportFields.HouseholdPhone),
        };
        var submitted = DateOnly.TryParse(submission.Household["_submission_time"]?.Split('T')[0], CultureInfo.InvariantCulture, out var d) ? d : today;
        var members = new List<PersonDetails>();
        foreach (var row in submission.Members)
        {
            var m = ReferenceEquals(row, submission.Household) ? h : Fields(row, mapping, problems);
            members.Add(Person(row, m, members.Count == 0, mapping, submitted, problems));
        }
        return new ImportedHousehold(submission, household, members, problems);
    }

    /// <summary>The row's cells by the field they fill, answers translated by the mapping; select_multiple 0/1 columns joined.</summary>
    private static Dictionary<string, string> Fields(ImportRow row, ImportMapping mapping, List<ImportProblem> problems)
    {
        var fields = new Dictionary<string, string>();
        foreach (var (column, value) in row.Cells)
        {
            if (value.Length > MaxCellLength)
            {
                problems.Add(new ImportProblem(row.Sheet, row.Number, mapping.FieldOf(column) ?? column, "Import.CellTooLong"));
                continue;
            }
            if (value.Length == 0)
            {
                continue;
            }
            // Kobo writes one 0/1 column per choice of a select_multiple, named "question/choice".
            var slash = column.LastIndexOf('/');
            if (slash > 0 && mapping.FieldOf(column[..slash]) == ImportFields.Vulnerabilities && !mapping.Columns.ContainsKey(column))
            {
                if (Yes.Contains(value))
                {
                    fields[ImportFields.Vulnerabilities] = (fields.GetValueOrDefault(ImportFields.Vulnerabilities) + " " + column[(slash + 1)..]).Trim();
                }
                continue;
            }
            if (mapping.FieldOf(column) is { } field)
            {
                fields[field] = mapping.Translate(field, value);
            }
        }
        return fields;
    }

    private static PersonDetails Person(ImportRow row, Dictionary<string, string> f, bool first, ImportMapping mapping, DateOnly submitted, List<ImportProblem> problems)
    {
        void Problem(string field, string reason) => problems.Add(new ImportProblem(row.Sheet, row.Number, field, reason));
        var script = NameScript.UyghurLatin;
        if (f.GetValueOrDefault(ImportFields.NameScript) is { } tag && !NameScripts.TryParse(tag, out var parsed))
        {
            Problem(ImportFields.NameScript, "Import.UnknownScript");
        }
        else if (f.GetValueOrDefault(ImportFields.NameScript) is { } known && NameScripts.TryParse(known, out var ok))
        {
            script = ok.Value;
        }
        var sex = Sex.Unknown;
        if (f.GetValueOrDefault(ImportFields.Sex) is { } s)
        {
            if (SexAnswers.TryGetValue(s, out var read) || Enum.TryParse(s, true, out read))
            {
                sex = read;
            }
            else
            {
                Problem(ImportFields.Sex, "Import.UnknownAnswer");
            }
        }
        var relationship = first ? Relationship.Head : Relationship.OtherRelative;
        if (f.GetValueOrDefault(ImportFields.Relationship) is { } r)
        {
            if (Enum.TryParse(r.Replace("_", ""), true, out Relationship rel) && Enum.IsDefined(rel))
            {
                relationship = rel;
            }
            else
            {
                Problem(ImportFields.Relationship, "Import.UnknownAnswer");
            }
        }
        BirthDate? birth = null;
        if (f.GetValueOrDefault(ImportFields.BirthDate) is { } b)
        {
            if (DateOnly.TryParseExact(b, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                birth = new BirthDate(date, BirthDatePrecision.Exact);
            }
            else if (b.Length == 4 && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year > 1900)
            {
                birth = new BirthDate(new DateOnly(year, 1, 1), BirthDatePrecision.YearOnly);
            }
            else
            {
                Problem(ImportFields.BirthDate, "Import.UnreadableDate");
            }
        }
        var needs = Vulnerability.None;
        foreach (var choice in (f.GetValueOrDefault(ImportFields.Vulnerabilities) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse(choice.Replace("_", ""), true, out Vulnerability v) && Vulnerabilities.All.Contains(v))
            {
                needs |= v;
            }
            else
            {
                Problem(ImportFields.Vulnerabilities, "Import.UnknownAnswer");
            }
        }
        Consent[] consents = f.GetValueOrDefault(ImportFields.Consent) is { } c && Yes.Contains(c)
            ? [new Consent(ConsentPurpose.Registration, submitted, mapping.NoticeVersion)]
            : [];
        return new PersonDetails
        {
            Name = new PersonName(script, f.GetValueOrDefault(ImportFields.GivenName) ?? "", f.GetValueOrDefault(ImportFields.FamilyName), f.GetValueOrDefault(ImportFields.FatherName)),
            Sex = sex,
            BirthDate = birth,
            Relationship = relationship,
            Phone = f.GetValueOrDefault(ImportFields.Phone),
            Email = f.GetValueOrDefault(ImportFields.Email),
            Vulnerabilities = needs,
            Consents = consents,
        };
    }
}
