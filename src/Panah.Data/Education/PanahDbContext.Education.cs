using Microsoft.EntityFrameworkCore;
using Panah.Data.Education;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<ClassSection> ClassSections => Set<ClassSection>();
    public DbSet<ClassSession> ClassSessions => Set<ClassSession>();
    public DbSet<ClassApplication> ClassApplications => Set<ClassApplication>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<AttendanceMark> AttendanceMarks => Set<AttendanceMark>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<ExamResult> ExamResults => Set<ExamResult>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
}
