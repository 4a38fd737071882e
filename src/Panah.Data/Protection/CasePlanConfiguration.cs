using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Protection;

internal sealed class CasePlanItemConfiguration : IEntityTypeConfiguration<CasePlanItem>
{
    public void Configure(EntityTypeBuilder<CasePlanItem> e)
    {
        e.ToTable("CasePlanItems");
        e.Property(x => x.AddedBy).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseServiceConfiguration : IEntityTypeConfiguration<CaseService>
{
    public void Configure(EntityTypeBuilder<CaseService> e)
    {
        e.ToTable("CaseServices");
        e.Property(x => x.Type).HasMaxLength(32);
        e.Property(x => x.ProvidedBy).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TracingRequestConfiguration : IEntityTypeConfiguration<TracingRequest>
{
    public void Configure(EntityTypeBuilder<TracingRequest> e)
    {
        e.ToTable("TracingRequests");
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TracingMatchConfiguration : IEntityTypeConfiguration<TracingMatch>
{
    public void Configure(EntityTypeBuilder<TracingMatch> e)
    {
        e.ToTable("TracingMatches");
        e.HasIndex(x => new { x.CaseId, x.RequestId });
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<TracingRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
