using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

internal sealed class AuditSubjectConfiguration : IEntityTypeConfiguration<AuditSubject>
{
    public void Configure(EntityTypeBuilder<AuditSubject> e)
    {
        e.HasKey(x => new { x.AuditEntryId, x.PersonId });
        e.HasIndex(x => x.PersonId);
        e.HasOne(x => x.Entry).WithMany(x => x.Subjects).HasForeignKey(x => x.AuditEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
