using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Imports;

/// <summary>A submission imported once: its identity (Kobo's <c>_uuid</c>) as a keyed hash, so that importing it again is skipped and the identity is not kept in clear.</summary>
public sealed class ImportedSubmission
{
    public required byte[] IdentityHash { get; set; }
    public Guid HouseholdId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class ImportedSubmissionConfiguration : IEntityTypeConfiguration<ImportedSubmission>
{
    public void Configure(EntityTypeBuilder<ImportedSubmission> e)
    {
        e.HasKey(x => x.IdentityHash);
        e.Property(x => x.IdentityHash).HasMaxLength(Crypto.BlindIndex.Size);
    }
}
