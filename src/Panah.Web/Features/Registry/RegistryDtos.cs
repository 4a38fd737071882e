namespace Panah.Web.Features.Registry;

// Input models are shared by the JSON API and the registration pages. Enumerations arrive as strings
// so that a wrong value becomes a field-level error rather than an unreadable 400.

public sealed class NameInput
{
    /// <summary>Script tag: ug-Latn, ug-Arab, ug-Cyrl, tr-Latn, zh-Latn-pinyin or zh-Hani.</summary>
    public string? Script { get; set; }
    public string? Given { get; set; }
    public string? Family { get; set; }
    public string? Father { get; set; }
}

public sealed class DocumentInput
{
    /// <summary>turkishCitizenId, foreignerId, passport or residencePermit.</summary>
    public string? Type { get; set; }
    public string? Number { get; set; }
    /// <summary>For residence permits: shortTerm, family, humanitarian, longTerm, student, internationalProtection.</summary>
    public string? PermitType { get; set; }
    /// <summary>YYYY-MM-DD.</summary>
    public string? ExpiresOn { get; set; }
}

public sealed class ConsentInput
{
    /// <summary>registration, foodAssistance, education, protection or dataSharing.</summary>
    public string? Purpose { get; set; }
    public string? GivenOn { get; set; }
    public string? NoticeVersion { get; set; }
    public string? Witness { get; set; }
    public string? WithdrawnOn { get; set; }
}

public sealed class PersonInput
{
    public NameInput Name { get; set; } = new();
    public List<NameInput> Spellings { get; set; } = [];
    /// <summary>Required: female, male or unknown (there is no default).</summary>
    public string? Sex { get; set; }
    /// <summary>YYYY-MM-DD; for a year-only date give 1 January and precision yearOnly.</summary>
    public string? BirthDate { get; set; }
    /// <summary>exact (default), yearOnly or estimated.</summary>
    public string? BirthDatePrecision { get; set; }
    public string? BirthPlace { get; set; }
    /// <summary>head, spouse, child, parent, sibling, grandchild, otherRelative or notRelated.</summary>
    public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public List<DocumentInput> Documents { get; set; } = [];
    /// <summary>Any of womanHeadedHousehold, unaccompaniedChild, separatedChild, olderPersonAlone, disability, pregnantOrLactating, seriousMedicalCondition.</summary>
    public List<string> Vulnerabilities { get; set; } = [];
    public List<ConsentInput> Consents { get; set; } = [];
}

public sealed class PersonUpdate
{
    public PersonInput Person { get; set; } = new();
    /// <summary>The version that was read; a stale version gets 409 Conflict.</summary>
    public long Version { get; set; }
}

public sealed class HouseholdInput
{
    /// <summary>Field office code (IST, SEF, KAY…); defaults to the first office.</summary>
    public string? FieldOffice { get; set; }
    public string? District { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public List<PersonInput> Members { get; set; } = [];
}

public sealed class HouseholdUpdate
{
    public string? District { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>active, inactive or closed.</summary>
    public string? Status { get; set; }
    public long Version { get; set; }
}

public sealed class SearchInput
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Document { get; set; }
}

public sealed record NameDto(string Script, string Given, string? Family, string? Father);

public sealed record DocumentDto(string Type, string Number, string? PermitType, DateOnly? ExpiresOn);

public sealed record ConsentDto(string Purpose, DateOnly GivenOn, string NoticeVersion, string? Witness, DateOnly? WithdrawnOn);

public sealed record PersonDto(
    Guid Id,
    Guid HouseholdId,
    string HouseholdCode,
    NameDto Name,
    IReadOnlyList<NameDto> Spellings,
    string Sex,
    DateOnly? BirthDate,
    string? BirthDatePrecision,
    string? BirthPlace,
    string Relationship,
    string? Phone,
    IReadOnlyList<DocumentDto> Documents,
    IReadOnlyList<string> Vulnerabilities,
    IReadOnlyList<ConsentDto> Consents,
    long Version,
    Guid? MergedIntoId);

public sealed record HouseholdDto(
    Guid Id,
    string Code,
    int FieldOfficeId,
    string District,
    string? Neighbourhood,
    string? Address,
    string? Phone,
    string Status,
    DateOnly RegisteredOn,
    long Version,
    IReadOnlyList<PersonDto> Members);

public sealed record HouseholdSummaryDto(Guid Id, string Code, string District, string Status, DateOnly RegisteredOn, int MemberCount, NameDto? Head);

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, int PageCount);
