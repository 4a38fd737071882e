using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> e)
    {
        e.Property(x => x.Kind).HasMaxLength(60);
        e.Property(x => x.StaffUserId).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(500);
        e.Property(x => x.ResolvedBy).HasMaxLength(100);
        e.HasIndex(x => new { x.ResolvedAt, x.RaisedAt });
        e.HasIndex(x => new { x.StaffUserId, x.Kind });
    }
}
