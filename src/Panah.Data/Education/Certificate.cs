using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>
/// The certificate of a passed level: a number, and a random token the QR code carries to the public verification
/// page, which shows only whether it is valid, the level, the date and <see cref="HolderInitials"/>.
/// </summary>
public sealed class Certificate : ISectionScoped
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public int SectionId { get; set; }
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public required string Number { get; set; }
    public required string VerificationToken { get; set; }
    public CefrLevel Level { get; set; }
    public DateOnly IssuedOn { get; set; }

    /// <summary>Initials only, taken when issued, so the public page never opens the holder's record.</summary>
    public required string HolderInitials { get; set; }
    public DateOnly? RevokedOn { get; set; }
}
