using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Protection;

internal sealed class ProtectionCaseConfiguration : IEntityTypeConfiguration<ProtectionCase>
{
    public void Configure(EntityTypeBuilder<ProtectionCase> e)
    {
        e.ToTable("ProtectionCases");
        e.Property(x => x.Code).HasMaxLength(20);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.OwnerId).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Facts);
        e.Ignore(x => x.Stage);
        // "Is there a case for this person?" is asked from the registry's person page.
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.OwnerId);
        e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FieldOffice>().WithMany().HasForeignKey(x => x.FieldOfficeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ProtectionTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.Key).WithMany().HasForeignKey(x => x.DataKeyId).OnDelete(DeleteBehavior.Restrict);
        e.ToTable(t => t.HasCheckConstraint("CK_ProtectionCases_Services", "\"OpenServices\" >= 0 AND \"ServicesProvided\" >= 0"));
    }
}

internal sealed class CaseAccessConfiguration : IEntityTypeConfiguration<CaseAccess>
{
    public void Configure(EntityTypeBuilder<CaseAccess> e)
    {
        e.ToTable("CaseAccess");
        e.HasKey(x => new { x.CaseId, x.StaffUserId, x.Reason });
        e.Property(x => x.StaffUserId).HasMaxLength(64);
        // Every request of a case worker loads their cases by this index.
        e.HasIndex(x => x.StaffUserId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProtectionTeamConfiguration : IEntityTypeConfiguration<ProtectionTeam>
{
    public void Configure(EntityTypeBuilder<ProtectionTeam> e)
    {
        e.ToTable("ProtectionTeams");
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.SupervisorId).HasMaxLength(64);
        e.HasIndex(x => x.SupervisorId);
        e.HasOne<FieldOffice>().WithMany().HasForeignKey(x => x.FieldOfficeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ProtectionTeamMemberConfiguration : IEntityTypeConfiguration<ProtectionTeamMember>
{
    public void Configure(EntityTypeBuilder<ProtectionTeamMember> e)
    {
        e.ToTable("ProtectionTeamMembers");
        e.HasKey(x => new { x.TeamId, x.StaffUserId });
        e.Property(x => x.StaffUserId).HasMaxLength(64);
        e.HasIndex(x => x.StaffUserId);
        e.HasOne<ProtectionTeam>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> e)
    {
        e.ToTable("CaseTasks");
        // The home page lists open tasks of the worker's cases by due time.
        e.HasIndex(x => new { x.CaseId, x.DoneAt, x.DueAt });
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAssessmentConfiguration : IEntityTypeConfiguration<CaseAssessment>
{
    public void Configure(EntityTypeBuilder<CaseAssessment> e)
    {
        e.ToTable("CaseAssessments");
        e.Property(x => x.RecordedBy).HasMaxLength(64);
        e.HasIndex(x => x.CaseId);
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseApprovalConfiguration : IEntityTypeConfiguration<CaseApproval>
{
    public void Configure(EntityTypeBuilder<CaseApproval> e)
    {
        e.ToTable("CaseApprovals");
        e.Property(x => x.RequestedBy).HasMaxLength(64);
        e.Property(x => x.DecidedBy).HasMaxLength(64);
        e.HasIndex(x => new { x.CaseId, x.Status });
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> e)
    {
        e.ToTable("CaseNotes");
        e.Property(x => x.WrittenBy).HasMaxLength(64);
        e.HasIndex(x => new { x.CaseId, x.WrittenAt });
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> e)
    {
        e.ToTable("CaseAttachments");
        e.Property(x => x.UploadedBy).HasMaxLength(64);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
        e.HasIndex(x => new { x.CaseId, x.UploadedAt });
        e.HasOne<ProtectionCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
