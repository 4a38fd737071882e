using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Entities;

namespace Panah.Data.Education;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.ToTable(t => t.HasCheckConstraint("CK_Courses_GuidedHours", "\"GuidedHours\" > 0"));
    }
}

internal sealed class ClassSectionConfiguration : IEntityTypeConfiguration<ClassSection>
{
    public void Configure(EntityTypeBuilder<ClassSection> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.TeacherId).HasMaxLength(64);
        e.Property(x => x.Version).IsConcurrencyToken();
        // A teacher's scope lists their sections at every request.
        e.HasIndex(x => x.TeacherId);
        e.HasIndex(x => new { x.FieldOfficeId, x.Status });
        e.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<FieldOffice>().WithMany().HasForeignKey(x => x.FieldOfficeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<StaffUser>().WithMany().HasForeignKey(x => x.TeacherId).OnDelete(DeleteBehavior.SetNull);
        e.ToTable(t =>
        {
            t.HasCheckConstraint("CK_ClassSections_Capacity", "\"Capacity\" > 0 AND \"MinimumToOpen\" >= 0 AND \"CrechePlaces\" >= 0");
            t.HasCheckConstraint("CK_ClassSections_Dates", "\"EndsOn\" >= \"StartsOn\"");
        });
    }
}

internal sealed class ClassSessionConfiguration : IEntityTypeConfiguration<ClassSession>
{
    public void Configure(EntityTypeBuilder<ClassSession> e)
    {
        e.HasIndex(x => new { x.SectionId, x.Date, x.StartsAt }).IsUnique();
        e.Property(x => x.Hours).HasPrecision(5, 2);
        e.HasOne<ClassSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Cascade);
        e.ToTable(t => t.HasCheckConstraint("CK_ClassSessions_Hours", "\"Hours\" > 0"));
    }
}

internal sealed class ClassApplicationConfiguration : IEntityTypeConfiguration<ClassApplication>
{
    public void Configure(EntityTypeBuilder<ClassApplication> e)
    {
        e.Property(x => x.Version).IsConcurrencyToken();
        // The waitlist of a level at an office: the rows ranked at every offer.
        e.HasIndex(x => new { x.FieldOfficeId, x.Level, x.Status });
        e.HasIndex(x => x.PersonId);
        e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.ToTable(t => t.HasCheckConstraint("CK_ClassApplications_Creche", "\"CrecheChildren\" >= 0"));
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> e)
    {
        // One seat, one holder: the database refuses a second offer or enrolment on the same seat number. Freed seats
        // carry no number (NULLs never collide in a unique index, on SQLite and PostgreSQL alike).
        e.HasIndex(x => new { x.SectionId, x.SeatNumber }).IsUnique();
        e.HasIndex(x => x.ApplicationId);
        e.HasIndex(x => x.PersonId);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ClassSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ClassApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<HouseholdRecord>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        e.ToTable(t => t.HasCheckConstraint("CK_Enrolments_Seat", "\"SeatNumber\" IS NULL OR \"SeatNumber\" > 0"));
    }
}

internal sealed class AttendanceMarkConfiguration : IEntityTypeConfiguration<AttendanceMark>
{
    public void Configure(EntityTypeBuilder<AttendanceMark> e)
    {
        e.HasKey(x => new { x.SessionId, x.EnrolmentId });
        e.HasIndex(x => x.EnrolmentId);
        e.Property(x => x.MarkedBy).HasMaxLength(200);
        e.HasOne<ClassSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> e)
    {
        e.HasIndex(x => new { x.SectionId, x.DoneAt });
        e.HasIndex(x => x.EnrolmentId);
        e.Property(x => x.DoneBy).HasMaxLength(200);
        e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamResultConfiguration : IEntityTypeConfiguration<ExamResult>
{
    public void Configure(EntityTypeBuilder<ExamResult> e)
    {
        e.HasIndex(x => new { x.EnrolmentId, x.Skill, x.Attempt }).IsUnique();
        e.Property(x => x.Score).HasPrecision(6, 2);
        e.Property(x => x.MaxScore).HasPrecision(6, 2);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        e.ToTable(t => t.HasCheckConstraint("CK_ExamResults_Score", "\"Score\" >= 0 AND \"MaxScore\" > 0 AND \"Score\" <= \"MaxScore\" AND \"Attempt\" >= 1"));
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.Property(x => x.Number).HasMaxLength(32);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.VerificationToken).HasMaxLength(64);
        e.HasIndex(x => x.VerificationToken).IsUnique();
        e.HasIndex(x => x.EnrolmentId).IsUnique();
        e.Property(x => x.HolderInitials).HasMaxLength(8);
        e.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
