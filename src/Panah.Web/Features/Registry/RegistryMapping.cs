using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry;

/// <summary>
/// Turns input models into domain records, collecting field-level errors (keys are camelCase field
/// paths, values message keys), and domain records into output models.
/// </summary>
public sealed class RegistryMapping
{
    private const string ArgumentSeparator = "|";

    private readonly Dictionary<string, List<string>> errors = [];

    // Paths of elements sent as null: each is reported once, and the rules' errors about its stand-in are not.
    private readonly List<string> missing = [];

    public IReadOnlyDictionary<string, List<string>> Errors => errors;

    /// <summary>The text of an error message: its key translated, with the arguments some messages carry.</summary>
    public static string Translate(IStringLocalizer l, string message) =>
        message.Split(ArgumentSeparator, 2) is [var key, var argument] ? l[key, argument] : l[message];

    /// <summary>Adds the registry rules' errors to the input errors, so one answer lists every problem.</summary>
    public IReadOnlyDictionary<string, List<string>> WithRuleErrors(Dictionary<string, List<string>> ruleErrors)
    {
        foreach (var (key, messages) in ruleErrors)
        {
            if (missing.Any(m => IsAbout(key, m)))
            {
                continue;
            }
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

    public List<PersonDetails> Members(IReadOnlyList<PersonInput>? members) =>
        IsMissing(members, "members") ? [] : members.Select((m, i) => Person(m, $"members[{i}].")).ToList();

    public PersonDetails Person(PersonInput? p, string prefix)
    {
        if (IsMissing(p, prefix.TrimEnd('.')))
        {
            return new PersonDetails { Name = new PersonName(NameScript.UyghurLatin, "", null, null) };
        }
        var birthDate = BirthDateOf(p, prefix);
        return new PersonDetails
        {
            Name = Name(p.Name, prefix + "name."),
            Spellings = (p.Spellings ?? []).Where(IsFilled).Select((s, i) => Name(s, $"{prefix}spellings[{i}].")).ToList(),
            Sex = Enum<Sex>(p.Sex, prefix + "sex", required: true) ?? Sex.Unknown,
            BirthDate = birthDate,
            BirthPlace = Clean(p.BirthPlace),
            Relationship = Enum<Relationship>(p.Relationship, prefix + "relationship") ?? Relationship.Head,
            Phone = Clean(p.Phone),
            Email = Clean(p.Email),
            Documents = (p.Documents ?? []).Where(IsFilled).Select((d, i) => Document(d, $"{prefix}documents[{i}].")).ToList(),
            Vulnerabilities = (p.Vulnerabilities ?? []).Aggregate(Vulnerability.None, (acc, v) => acc | (Enum<Vulnerability>(v, prefix + "vulnerabilities") ?? Vulnerability.None)),
            Consents = (p.Consents ?? []).Where(c => c is null || !string.IsNullOrWhiteSpace(c.Purpose))
                .Select((c, i) => Consent(c, $"{prefix}consents[{i}].")).ToList(),
        };
    }

    /// <summary>
    /// "1992-05-17", or "1992" alone: a year-only date (stored as 1 January), unless the precision says it is
    /// an estimate. A year alone cannot be exact.
    /// </summary>
    private BirthDate? BirthDateOf(PersonInput p, string prefix)
    {
        var given = Enum<BirthDatePrecision>(p.BirthDatePrecision, prefix + "birthDatePrecision");
        var text = p.BirthDate?.Trim();
        if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
        {
            if (given == BirthDatePrecision.Exact)
            {
                Add(prefix + "birthDate", "BirthDate.YearIsNotExact");
            }
            return new BirthDate(new DateOnly(year, 1, 1), given ?? BirthDatePrecision.YearOnly);
        }
        var precision = given ?? BirthDatePrecision.Exact;
        return Date(p.BirthDate, prefix + "birthDate") is { } d
            ? new BirthDate(precision == BirthDatePrecision.YearOnly ? new DateOnly(d.Year, 1, 1) : d, precision)
            : null;
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

    // A null row is kept, so that it is reported as a missing value at its own index.
    private static bool IsFilled(NameInput? s) => s is null || !string.IsNullOrWhiteSpace(s.Given);

    private static bool IsFilled(DocumentInput? d) => d is null || !string.IsNullOrWhiteSpace(d.Number) || !string.IsNullOrWhiteSpace(d.ExpiresOn);

    private PersonName Name(NameInput? n, string prefix)
    {
        NameScript script = NameScript.UyghurLatin;
        if (IsMissing(n, prefix.TrimEnd('.')))
        {
            return new PersonName(script, "", null, null);
        }
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

    private IdentityDocument Document(DocumentInput? d, string prefix) => IsMissing(d, prefix.TrimEnd('.'))
        ? new IdentityDocument(DocumentType.Passport, "")
        : new(
            Enum<DocumentType>(d.Type, prefix + "type", required: true) ?? DocumentType.Passport,
            d.Number?.Trim().Replace(" ", "", StringComparison.Ordinal) ?? "",
            Enum<ResidencePermitType>(d.PermitType, prefix + "permitType"),
            Date(d.ExpiresOn, prefix + "expiresOn"));

    private Consent Consent(ConsentInput? c, string prefix) => IsMissing(c, prefix.TrimEnd('.'))
        ? new Consent(ConsentPurpose.Registration, DateOnly.MinValue, "")
        : new(
            Enum<ConsentPurpose>(c.Purpose, prefix + "purpose", required: true) ?? ConsentPurpose.Registration,
            Date(c.GivenOn, prefix + "givenOn", required: true) ?? DateOnly.MinValue,
            c.NoticeVersion?.Trim() ?? "",
            Clean(c.Witness),
            Date(c.WithdrawnOn, prefix + "withdrawnOn"));

    /// <summary>
    /// JSON can carry null where the input model holds an object or a list (<c>"members":[null]</c>, <c>"person":null</c>):
    /// a required-value error at that path, and a stand-in that keeps the indexes of the elements after it.
    /// </summary>
    private bool IsMissing([NotNullWhen(false)] object? value, string path)
    {
        if (value is not null)
        {
            return false;
        }
        Add(path, "Value.Required");
        missing.Add(path);
        return true;
    }

    // A rule error is about a missing element when it names the element, something inside it, or the list it is in
    // ("members" must have one head: not knowable while a member is missing).
    private static bool IsAbout(string key, string missingPath) =>
        key == missingPath || key.StartsWith(missingPath + ".", StringComparison.Ordinal) || key.StartsWith(missingPath + "[", StringComparison.Ordinal)
        || (missingPath.EndsWith(']') && key == missingPath[..missingPath.LastIndexOf('[')]);

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
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }
        Add(field, UnknownValue<T>());
        return null;
    }

    /// <summary>The error for a value that is not one of <typeparamref name="T"/>'s names; it lists them.</summary>
    public static string UnknownValue<T>() where T : struct, Enum => "Value.Unknown" + ArgumentSeparator + string.Join(", ", EnumNames.Of<T>());

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
            Email = p.Email,
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

    public static string Camel<T>(T value) where T : struct, Enum => EnumNames.Name(value);

    public static NameDto ToDto(PersonName n) => new(n.Script.Tag(), n.Given, n.Family, n.Father);

    public static PersonDto ToDto(PersonView v)
    {
        var p = v.Details;
        return new PersonDto(
            v.Id, v.HouseholdId, v.HouseholdCode, v.District, ToDto(p.Name), p.Spellings.Select(ToDto).ToList(),
            Camel(p.Sex), v.AgeGroup is { } g ? Camel(g) : null, p.BirthDate?.Date, p.BirthDate is { } b ? Camel(b.Precision) : null, p.BirthPlace,
            Camel(p.Relationship), p.Phone, p.Email,
            p.Documents.Select(d => new DocumentDto(Camel(d.Type), d.Number, d.PermitType is { } t ? Camel(t) : null, d.ExpiresOn)).ToList(),
            p.Vulnerabilities.Flags().Select(Camel).ToList(),
            p.Consents.Select(c => new ConsentDto(Camel(c.Purpose), c.GivenOn, c.NoticeVersion, c.Witness, c.WithdrawnOn)).ToList(),
            v.Version,
            v.MergedIntoId,
            v.IsErased) { Shown = v.Shown };
    }

    public static HouseholdDto ToDto(HouseholdView h) => new(
        h.Id, h.Code, h.FieldOfficeId, h.Details.District, h.Details.Neighbourhood, h.Details.Address, h.Details.Phone,
        Camel(h.Details.Status), h.RegisteredOn, h.Version, h.MemberCount, h.Head is null ? null : ToDto(h.Head), h.Members.Select(ToDto).ToList()) { Shown = h.Shown };

    public static HouseholdSummaryDto ToDto(HouseholdSummary s) =>
        new(s.Id, s.Code, s.District, Camel(s.Status), s.RegisteredOn, s.MemberCount, s.Head is null ? null : ToDto(s.Head)) { Shown = s.Shown };

    public static PageDto<TOut> ToDto<TIn, TOut>(Page<TIn> page, Func<TIn, TOut> map, string? next = null) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.Total, page.PageCount, next);

    /// <summary>A page reached by cursor has no page number; <paramref name="next"/> seals the id to continue after.</summary>
    public static PageDto<TOut> ToDto<TIn, TOut>(Slice<TIn> slice, Func<TIn, TOut> map, Func<Guid, string> next) =>
        new(slice.Items.Select(map).ToList(), null, slice.PageSize, slice.Total, slice.Total == 0 ? 1 : (slice.Total + slice.PageSize - 1) / slice.PageSize,
            slice.HasMore && slice.Last is { } last ? next(last) : null);
}
