using Panah.Core.Registry;
using Panah.Data.Access;

namespace Panah.Web.Features.Registry;

// Input models are shared by the JSON API and the registration pages. Enumerations arrive as strings
// so that a wrong value becomes a field-level error rather than an unreadable 400. [ApiRequired] puts a field in
// the OpenAPI schema's "required" list; a missing one gets a field-level error from the mapping.

public sealed class NameInput
{
    /// <summary>Script tag: ug-Latn, ug-Arab, ug-Cyrl, tr-Latn, zh-Latn-pinyin or zh-Hani.</summary>
    [ApiRequired]
    [ScriptTag] public string? Script { get; set; }
    [ApiRequired]
    public string? Given { get; set; }
    public string? Family { get; set; }
    public string? Father { get; set; }
}

public sealed class DocumentInput
{
    /// <summary>turkishCitizenId, foreignerId, passport or residencePermit.</summary>
    [ApiRequired]
    [OneOf<DocumentType>] public string? Type { get; set; }
    [ApiRequired]
    public string? Number { get; set; }
    /// <summary>For residence permits: shortTerm, family, humanitarian, longTerm, student, internationalProtection.</summary>
    [OneOf<ResidencePermitType>] public string? PermitType { get; set; }
    /// <summary>YYYY-MM-DD.</summary>
    public string? ExpiresOn { get; set; }
}

public sealed class ConsentInput
{
    /// <summary>registration, foodAssistance, education, protection, messaging or dataSharing (sharing with partners).</summary>
    [ApiRequired]
    [OneOf<ConsentPurpose>] public string? Purpose { get; set; }
    [ApiRequired]
    public string? GivenOn { get; set; }
    public string? NoticeVersion { get; set; }
    public string? Witness { get; set; }
    public string? WithdrawnOn { get; set; }
}

public sealed class PersonInput
{
    [ApiRequired]
    public NameInput Name { get; set; } = new();
    public List<NameInput> Spellings { get; set; } = [];
    /// <summary>Required: female, male or unknown (there is no default).</summary>
    [OneOf<Sex>] public string? Sex { get; set; }
    /// <summary>YYYY-MM-DD, or YYYY alone for a year-only date (precision yearOnly, or estimated).</summary>
    public string? BirthDate { get; set; }
    /// <summary>exact (default), yearOnly or estimated.</summary>
    [OneOf<BirthDatePrecision>] public string? BirthDatePrecision { get; set; }
    public string? BirthPlace { get; set; }
    /// <summary>head, spouse, child, parent, sibling, grandchild, otherRelative or notRelated.</summary>
    [OneOf<Relationship>] public string? Relationship { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public List<DocumentInput> Documents { get; set; } = [];
    /// <summary>Any of womanHeadedHousehold, unaccompaniedChild, separatedChild, olderPersonAlone, disability, pregnantOrLactating, seriousMedicalCondition.</summary>
    [OneOf<Vulnerability>] public List<string> Vulnerabilities { get; set; } = [];
    public List<ConsentInput> Consents { get; set; } = [];
}

public sealed class PersonUpdate
{
    [ApiRequired]
    public PersonInput? Person { get; set; }
    /// <summary>The version that was read; a stale version gets 409 Conflict.</summary>
    [ApiRequired]
    public long? Version { get; set; }
}

public sealed class HouseholdInput
{
    /// <summary>Field office code (IST, SEF, KAY…); defaults to the first office.</summary>
    public string? FieldOffice { get; set; }
    [ApiRequired]
    public string? District { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    [ApiRequired]
    public List<PersonInput> Members { get; set; } = [];
}

public sealed class HouseholdUpdate
{
    [ApiRequired]
    public string? District { get; set; }
    public string? Neighbourhood { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    /// <summary>active, inactive or closed.</summary>
    [OneOf<HouseholdStatus>] public string? Status { get; set; }
    [ApiRequired]
    public long Version { get; set; }
}

public sealed record NameDto([property: ScriptTag] string Script, string Given, string? Family, string? Father);

public sealed record DocumentDto([property: OneOf<DocumentType>] string Type, string Number, [property: OneOf<ResidencePermitType>] string? PermitType, DateOnly? ExpiresOn);

public sealed record ConsentDto([property: OneOf<ConsentPurpose>] string Purpose, DateOnly GivenOn, string NoticeVersion, string? Witness, DateOnly? WithdrawnOn);

// Output models. A property marked [Field] is one registry field: FieldMask leaves it out of the JSON
// when the reader's role is not shown it (see Panah.Data/Access/FieldAccess.cs).

public sealed record PersonDto(
    Guid Id,
    Guid HouseholdId,
    [property: Field(RegistryFields.HouseholdCode)] string HouseholdCode,
    [property: Field(RegistryFields.District)] string District,
    [property: Field(RegistryFields.Name)] NameDto Name,
    [property: Field(RegistryFields.Spellings)] IReadOnlyList<NameDto> Spellings,
    [property: OneOf<Sex>, Field(RegistryFields.Sex)] string Sex,
    [property: OneOf<AgeGroup>, Field(RegistryFields.AgeGroup)] string? AgeGroup,
    [property: Field(RegistryFields.BirthDate)] DateOnly? BirthDate,
    [property: OneOf<BirthDatePrecision>, Field(RegistryFields.BirthDate)] string? BirthDatePrecision,
    [property: Field(RegistryFields.BirthPlace)] string? BirthPlace,
    [property: OneOf<Relationship>, Field(RegistryFields.Relationship)] string Relationship,
    [property: Field(RegistryFields.Phone)] string? Phone,
    [property: Field(RegistryFields.Phone)] string? Email,
    [property: Field(RegistryFields.Documents)] IReadOnlyList<DocumentDto> Documents,
    [property: OneOf<Vulnerability>, Field(RegistryFields.SpecificNeeds)] IReadOnlyList<string> Vulnerabilities,
    [property: Field(RegistryFields.Consents)] IReadOnlyList<ConsentDto> Consents,
    long Version,
    Guid? MergedIntoId,
    bool Erased = false) : ShownFields;

public sealed record HouseholdDto(
    Guid Id,
    [property: Field(RegistryFields.HouseholdCode)] string Code,
    int FieldOfficeId,
    [property: Field(RegistryFields.District)] string District,
    [property: Field(RegistryFields.Neighbourhood)] string? Neighbourhood,
    [property: Field(RegistryFields.Address)] string? Address,
    [property: Field(RegistryFields.HouseholdPhone)] string? Phone,
    [property: OneOf<HouseholdStatus>, Field(RegistryFields.HouseholdStatus)] string Status,
    [property: Field(RegistryFields.RegisteredOn)] DateOnly RegisteredOn,
    long Version,
    [property: Field(RegistryFields.MemberCount)] int MemberCount,
    [property: Field(RegistryFields.HeadName)] NameDto? Head,
    [property: Field(RegistryFields.Members)] IReadOnlyList<PersonDto> Members) : ShownFields;

public sealed record HouseholdSummaryDto(
    Guid Id,
    [property: Field(RegistryFields.HouseholdCode)] string Code,
    [property: Field(RegistryFields.District)] string District,
    [property: OneOf<HouseholdStatus>, Field(RegistryFields.HouseholdStatus)] string Status,
    [property: Field(RegistryFields.RegisteredOn)] DateOnly RegisteredOn,
    [property: Field(RegistryFields.MemberCount)] int MemberCount,
    [property: Field(RegistryFields.HeadName)] NameDto? Head) : ShownFields;

/// <summary>
/// A page of a list. <c>next</c>, when present, is an opaque cursor: pass it as <c>after</c> for the following page
/// (as fast at page 4,000 as at page 1). <c>page</c> is set only for a page asked for by number.
/// </summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int? Page, int PageSize, int Total, int PageCount, string? Next = null);
