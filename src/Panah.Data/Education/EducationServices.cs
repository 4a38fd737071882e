using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;

namespace Panah.Data.Education;

/// <summary>Every Turkish-classes service of the data layer, for the web app and the CLI alike.</summary>
public static class EducationServices
{
    public static IServiceCollection AddEducation(this IServiceCollection services) => services
        .AddSingleton(sp => EducationOptions.Read(sp.GetRequiredService<IConfiguration>()))
        .AddScoped<CourseStore>().AddScoped<ClassApplications>().AddScoped<Waitlist>().AddScoped<Seats>().AddScoped<SectionRoster>()
        .AddScoped<LearnerNames>().AddScoped<AttendanceStandings>().AddScoped<AttendanceRegister>()
        .AddScoped<Certificates>().AddScoped<ExamRecording>().AddScoped<FollowUpCalls>()
        .AddScoped<IDemoPart, ClassesDemo>().AddScoped<IDemoPart, LearningDemo>();
}
