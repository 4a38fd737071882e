using Panah.Core.Registry;

namespace Panah.Data.Entities;

/// <summary>
/// A person row. Names, spellings, birth date, birth place, phone, documents and consent witnesses
/// live only in <see cref="Sealed"/>, encrypted under the person's own data key. Kept in clear for
/// filtering and sex-and-age disaggregation: sex, birth year, relationship, vulnerabilities, permit expiry date.
/// </summary>
public sealed class PersonRecord
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public HouseholdRecord? Household { get; set; }

    /// <summary>The household's district, copied here so lists filter and page on one table's index.</summary>
    public required string District { get; set; }

    /// <summary>The household's field office, copied here so the access filter and scoped lists read one table's index.</summary>
    public int FieldOfficeId { get; set; }
    public Sex Sex { get; set; }
    public int? BirthYear { get; set; }
    public Relationship Relationship { get; set; }
    public Vulnerability Vulnerabilities { get; set; }

    /// <summary>
    /// When the person's residence permit runs out (the latest of their permits), kept in clear as a date only so the
    /// registry dashboard counts permits expiring soon in the database; the permit itself stays sealed.
    /// </summary>
    public DateOnly? PermitExpiresOn { get; set; }
    public Guid DataKeyId { get; set; }
    public DataKey? Key { get; set; }
    public required byte[] Sealed { get; set; }
    /// <summary>Set when a reviewer found this registration to be the same person as another: the survivor's id.</summary>
    public Guid? MergedIntoId { get; set; }

    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
