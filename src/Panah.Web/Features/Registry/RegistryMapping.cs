using System.Globalization;
using System.Text.Json;
using Panah.Core.Registry;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry;

/// <summary>
/// Turns input models into domain records, collecting field-level errors (keys are camelCase field
/// paths, values message keys), and domain records into output models.
/// </summary>
public sealed class RegistryMapping
{
    private readonly Dictionary<string, List<string>> errors = [];

    public IReadOnlyDictionary<string, List<string>> Errors => errors;

    /// <summary>Adds the registry rules' errors to the input errors, so one answer lists every problem.</summary>
    public IReadOnlyDictionary<string, List<string>> WithRuleErrors(Dictionary<string, List<string>> ruleErrors)
    {
        foreach (var (key, messages) in ruleErrors)
        {
            foreach (var m in messages)
            {
                Add(key, m);
            }
        }
        return errors;
    }

    public HouseholdDetails Household(HouseholdInput h) => new()
    {
        District = h.District?.Trim() ?? "",
        Neighbourhood = Clean(h.Neighbourhood),
        Address = Clean(h.Address),
        Phone = Clean(h.Phone),
    };

    public HouseholdDetails Household(HouseholdUpdate h) => new()
    {
        District = h.District?.Trim() ?? "",
        Neighbourhood = Clean(h.Neighbourhood),
        Address = Clean(h.Address),
        Phone = Clean(h.Phone),
        Status = Enum<HouseholdStatus>(h.Status, "status") ?? HouseholdStatus.Active,
    };

    public List<PersonDetails> Members(IReadOnlyList<PersonInput> members) =>
        members.Select((m, i) => Person(m, $"members[{i}].")).ToList();

    public PersonDetails Person(PersonInput p, string prefix = "")
    {
        var precision = Enum<BirthDatePrecision>(p.BirthDatePrecision, prefix + "birthDatePrecision") ?? BirthDatePrecision.Exact;
        var birth = Date(p.BirthDate, prefix + "birthDate");
        if (birth is { } b && precision == BirthDatePrecision.YearOnly)
        {
            birth = new DateOnly(b.Year, 1, 1);
        }
        return new PersonDetails
        {
            Name = Name(p.Name, prefix + "name."),
            Spellings = p.Spellings.Where(IsFilled).Select((s, i) => Name(s, $"{prefix}spellings[{i}].")).ToList(),
            Sex = Enum<Sex>(p.Sex, prefix + "sex", required: true) ?? Sex.Unknown,
            BirthDate = birth is { } d ? new BirthDate(d, precision) : null,
            BirthPlace = Clean(p.BirthPlace),
            Relationship = Enum<Relationship>(p.Relationship, prefix + "relationship") ?? Relationship.Head,
            Phone = Clean(p.Phone),
            Documents = p.Documents.Where(IsFilled).Select((d, i) => Document(d, $"{prefix}documents[{i}].")).ToList(),
            Vulnerabilities = p.Vulnerabilities.Aggregate(Vulnerability.None, (acc, v) => acc | (Enum<Vulnerability>(v, prefix + "vulnerabilities") ?? Vulnerability.None)),
            Consents = p.Consents.Where(c => !string.IsNullOrWhiteSpace(c.Purpose))
                .Select((c, i) => Consent(c, $"{prefix}consents[{i}].")).ToList(),
        };
    }

    /// <summary>
    /// Drops the blank spelling and document rows a form always offers, so that error keys (which count only
    /// the rows kept) point at the row the officer filled in when the form is shown again.
    /// </summary>
    public static void DropBlankRows(PersonInput p)
    {
        p.Spellings.RemoveAll(s => !IsFilled(s));
        p.Documents.RemoveAll(d => !IsFilled(d));
    }

    private static bool IsFilled(NameInput s) => !string.IsNullOrWhiteSpace(s.Given);

    private static bool IsFilled(DocumentInput d) => !string.IsNullOrWhiteSpace(d.Number) || !string.IsNullOrWhiteSpace(d.ExpiresOn);

    private PersonName Name(NameInput n, string prefix)
    {
        NameScript script = NameScript.UyghurLatin;
        if (!NameScripts.TryParse(n.Script, out var parsed))
        {
            Add(prefix + "script", "Script.Unknown");
        }
        else
        {
            script = parsed.Value;
        }
        return new PersonName(script, n.Given?.Trim() ?? "", Clean(n.Family), Clean(n.Father));
    }

    private IdentityDocument Document(DocumentInput d, string prefix) => new(
        Enum<DocumentType>(d.Type, prefix + "type", required: true) ?? DocumentType.Passport,
        d.Number?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "",
        Enum<ResidencePermitType>(d.PermitType, prefix + "permitType"),
        Date(d.ExpiresOn, prefix + "expiresOn"));

    private Consent Consent(ConsentInput c, string prefix) => new(
        Enum<ConsentPurpose>(c.Purpose, prefix + "purpose", required: true) ?? ConsentPurpose.Registration,
        Date(c.GivenOn, prefix + "givenOn", required: true) ?? DateOnly.MinValue,
        c.NoticeVersion?.Trim() ?? "",
        Clean(c.Witness),
        Date(c.WithdrawnOn, prefix + "withdrawnOn"));

    private DateOnly? Date(string? value, string field, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "Date.Required");
            }
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        Add(field, "Date.Invalid");
        return null;
    }

    private T? Enum<T>(string? value, string field, bool required = false) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "Value.Required");
            }
            return null;
        }
        if (char.IsLetter(value.Trim()[0]) && System.Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed))
        {
            return parsed;
        }
        Add(field, "Value.Unknown");
        return null;
    }

    private void Add(string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }
        list.Add(message);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---- output ----

    /// <summary>A registered person as form input, for editing.</summary>
    public static PersonInput ToInput(PersonDetails p)
    {
        static NameInput Name(PersonName n) => new() { Script = n.Script.Tag(), Given = n.Given, Family = n.Family, Father = n.Father };
        return new PersonInput
        {
            Name = Name(p.Name),
            Spellings = p.Spellings.Select(Name).ToList(),
            Sex = Camel(p.Sex),
            BirthDate = p.BirthDate?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            BirthDatePrecision = p.BirthDate is { } b ? Camel(b.Precision) : null,
            BirthPlace = p.BirthPlace,
            Relationship = Camel(p.Relationship),
            Phone = p.Phone,
            Documents = p.Documents.Select(d => new DocumentInput
            {
                Type = Camel(d.Type),
                Number = d.Number,
                PermitType = d.PermitType is { } t ? Camel(t) : null,
                ExpiresOn = d.ExpiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
            Vulnerabilities = p.Vulnerabilities.Flags().Select(Camel).ToList(),
            // The form shows the consents in force; history is kept by ConsentHistory when saving.
            Consents = p.Consents.Where(c => c.WithdrawnOn is null).Select(c => new ConsentInput { Purpose = Camel(c.Purpose) }).ToList(),
        };
    }

    public static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static NameDto ToDto(PersonName n) => new(n.Script.Tag(), n.Given, n.Family, n.Father);

    public static PersonDto ToDto(PersonView v)
    {
        var p = v.Details;
        return new PersonDto(
            v.Id, v.HouseholdId, v.HouseholdCode, ToDto(p.Name), p.Spellings.Select(ToDto).ToList(),
            Camel(p.Sex), p.BirthDate?.Date, p.BirthDate is { } b ? Camel(b.Precision) : null, p.BirthPlace,
            Camel(p.Relationship), p.Phone,
            p.Documents.Select(d => new DocumentDto(Camel(d.Type), d.Number, d.PermitType is { } t ? Camel(t) : null, d.ExpiresOn)).ToList(),
            p.Vulnerabilities.Flags().Select(Camel).ToList(),
            p.Consents.Select(c => new ConsentDto(Camel(c.Purpose), c.GivenOn, c.NoticeVersion, c.Witness, c.WithdrawnOn)).ToList(),
            v.Version,
            v.MergedIntoId);
    }

    public static HouseholdDto ToDto(HouseholdView h) => new(
        h.Id, h.Code, h.FieldOfficeId, h.Details.District, h.Details.Neighbourhood, h.Details.Address, h.Details.Phone,
        Camel(h.Details.Status), h.RegisteredOn, h.Version, h.Members.Select(ToDto).ToList());

    public static HouseholdSummaryDto ToDto(HouseholdSummary s) =>
        new(s.Id, s.Code, s.District, Camel(s.Status), s.RegisteredOn, s.MemberCount, s.Head is null ? null : ToDto(s.Head));

    public static PageDto<TOut> ToDto<TIn, TOut>(Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.Total, page.PageCount);
}
