namespace Panah.Matching;

/// <summary>
/// One registration of a person as the matcher sees it. Every field but <see cref="Id"/> is optional:
/// registrations arrive half filled in, in any script.
/// </summary>
/// <param name="Id">Stable identifier of the registration (required).</param>
public sealed record PersonRecord(string Id)
{
    /// <summary>Given name in any script (Uyghur Arabic, Latin, Cyrillic, Turkish spelling, pinyin or Chinese characters).
    /// A whole name ("阿不都热依木·吐尔逊") may land here when <see cref="FamilyName"/> is empty.</summary>
    public string? GivenName { get; init; }

    /// <summary>Family name; for Uyghurs usually the father's given name.</summary>
    public string? FamilyName { get; init; }

    /// <summary>Father's given name.</summary>
    public string? FatherName { get; init; }

    /// <summary>Sex as registered: "m"/"f" (also "male", "erkek", "kadın", "e", "k", ...). Unknown values are ignored.</summary>
    public string? Sex { get; init; }

    /// <summary>Birth date; 1 January is treated as a possible "year only" placeholder.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>Birth place (city or prefecture) in any script.</summary>
    public string? BirthPlace { get; init; }

    /// <summary>Phone number in any writing (+90, 0090, leading 0, spaces, dashes).</summary>
    public string? Phone { get; init; }

    /// <summary>Identity or travel document number.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Free-text address.</summary>
    public string? Address { get; init; }

    /// <summary>Id of the household the person was registered with. Two records of one household are two people
    /// (siblings, twins) unless everything agrees: the clustering never merges them otherwise.</summary>
    public string? HouseholdId { get; init; }
}
