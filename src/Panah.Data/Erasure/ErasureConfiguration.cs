using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Erasure;

internal sealed class ErasureConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> e)
    {
        e.ToTable("Erasures");
        e.HasIndex(x => x.PersonId).IsUnique();
        e.Property(x => x.ErasedBy).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(PersonErasure.MaxReasonLength);
        e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> e)
    {
        e.Property(x => x.Reason).HasMaxLength(PersonErasure.MaxReasonLength);
        e.Property(x => x.SetBy).HasMaxLength(100);
        e.Property(x => x.LiftedBy).HasMaxLength(100);
        e.HasIndex(x => x.HouseholdId);
        e.HasIndex(x => x.PersonId);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
