using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Exports;

internal sealed class ExportRecipientConfiguration : IEntityTypeConfiguration<ExportRecipient>
{
    public void Configure(EntityTypeBuilder<ExportRecipient> e)
    {
        e.Property(x => x.Name).HasMaxLength(ExportGate.MaxName);
        e.Property(x => x.Organisation).HasMaxLength(ExportGate.MaxName);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
        e.Property(x => x.ArmouredKey).HasMaxLength(ExportGate.MaxKeyChars);
        e.Property(x => x.AddedBy).HasMaxLength(450);
        e.HasIndex(x => x.Fingerprint);
    }
}

internal sealed class ExportRequestConfiguration : IEntityTypeConfiguration<ExportRequest>
{
    public void Configure(EntityTypeBuilder<ExportRequest> e)
    {
        e.Property(x => x.RequesterId).HasMaxLength(450);
        e.Property(x => x.DecidedBy).HasMaxLength(450);
        e.Property(x => x.Columns).HasMaxLength(400);
        e.Property(x => x.District).HasMaxLength(100);
        e.Property(x => x.Dataset).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        e.HasOne(x => x.Key).WithMany().HasForeignKey(x => x.DataKeyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Recipient).WithMany().HasForeignKey(x => x.RecipientId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RequesterId, x.Status });
        e.HasIndex(x => x.Status);
    }
}
