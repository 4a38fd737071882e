using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;

namespace Panah.Data.Education;

/// <summary>Attendance, exams and certificates of the education programme.</summary>
public static class LearningServices
{
    public static IServiceCollection AddLearning(this IServiceCollection services) => services
        .AddSingleton(sp => LearningOptions.Read(sp.GetRequiredService<IConfiguration>()))
        .AddScoped<LearnerNames>().AddScoped<AttendanceStandings>().AddScoped<AttendanceRegister>()
        .AddScoped<Certificates>().AddScoped<ExamRecording>().AddScoped<IDemoPart, LearningDemo>();
}
