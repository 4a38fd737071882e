namespace Panah.Core.Registry;

/// <summary>
/// Everything registered about a person. All of it but <see cref="Sex"/>, <see cref="Relationship"/>
/// and <see cref="Vulnerabilities"/> is personal data that is stored encrypted.
/// </summary>
public sealed record PersonDetails
{
    /// <summary>The name as entered, in the script it was entered in.</summary>
    public required PersonName Name { get; init; }

    /// <summary>Other spellings of the name, each tagged with its script.</summary>
    public IReadOnlyList<PersonName> Spellings { get; init; } = [];

    public Sex Sex { get; init; }
    public BirthDate? BirthDate { get; init; }
    public string? BirthPlace { get; init; }
    public Relationship Relationship { get; init; }
    public string? Phone { get; init; }

    /// <summary>Contact email; optional, sealed like the phone.</summary>
    public string? Email { get; init; }
    public IReadOnlyList<IdentityDocument> Documents { get; init; } = [];
    public Vulnerability Vulnerabilities { get; init; }
    public IReadOnlyList<Consent> Consents { get; init; } = [];

    /// <summary>The name and every spelling.</summary>
    public IEnumerable<PersonName> AllNames() => Spellings.Prepend(Name);
}
