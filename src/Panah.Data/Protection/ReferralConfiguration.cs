using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Protection;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> e)
    {
        e.ToTable("Partners");
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Services).HasMaxLength(500);
        e.Property(x => x.DeskEmail).HasMaxLength(200);
        e.Property(x => x.DeskPhone).HasMaxLength(40);
        e.Ignore(x => x.ServiceList);
    }
}

internal sealed class CaseReferralConfiguration : IEntityTypeConfiguration<CaseReferral>
{
    public void Configure(EntityTypeBuilder<CaseReferral> e)
    {
        e.ToTable("CaseReferrals");
        e.Property(x => x.Service).HasMaxLength(40);
        e.Property(x => x.SharedFields).HasMaxLength(300);
        e.Property(x => x.ReferredBy).HasMaxLength(64);
        e.Property(x => x.ConsentOverriddenBy).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseTransferConfiguration : IEntityTypeConfiguration<CaseTransfer>
{
    public void Configure(EntityTypeBuilder<CaseTransfer> e)
    {
        e.ToTable("CaseTransfers");
        e.Property(x => x.FromId).HasMaxLength(64);
        e.Property(x => x.ToId).HasMaxLength(64);
        e.Property(x => x.ConsentOverriddenBy).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.Restrict);
    }
}
