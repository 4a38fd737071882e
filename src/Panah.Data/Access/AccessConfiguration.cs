using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Access;

internal sealed class StaffOfficeConfiguration : IEntityTypeConfiguration<StaffOffice>
{
    public void Configure(EntityTypeBuilder<StaffOffice> e)
    {
        e.HasKey(x => new { x.StaffUserId, x.FieldOfficeId });
        e.HasOne(x => x.StaffUser).WithMany().HasForeignKey(x => x.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.FieldOffice).WithMany().HasForeignKey(x => x.FieldOfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffProgrammeConfiguration : IEntityTypeConfiguration<StaffProgramme>
{
    public void Configure(EntityTypeBuilder<StaffProgramme> e)
    {
        e.HasKey(x => new { x.StaffUserId, x.Programme });
        e.HasOne(x => x.StaffUser).WithMany().HasForeignKey(x => x.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> e)
    {
        e.Property(x => x.StaffUserId).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(AccessLimits.MaxReasonLength);
        e.Property(x => x.DecidedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        // The scope of a request reads one account's grants; the decision queue reads pending ones.
        e.HasIndex(x => new { x.StaffUserId, x.Status });
        e.HasIndex(x => new { x.Status, x.HouseholdId });
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Limits on what staff type when asking for access.</summary>
public static class AccessLimits
{
    public const int MinReasonLength = 10;
    public const int MaxReasonLength = 500;
}
