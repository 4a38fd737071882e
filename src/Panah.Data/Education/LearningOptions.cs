using Microsoft.Extensions.Configuration;
using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>
/// The rules of attendance, exams and dropout risk from configuration (<c>Panah:Education:Attendance</c>,
/// <c>:Exam</c>, <c>:DropoutRisk</c>), each defaulting to the domain guide's values, and what a certificate prints.
/// </summary>
public sealed record LearningOptions(AttendanceOptions Attendance, ExamOptions Exam, DropoutRiskOptions DropoutRisk, string CertificateIssuer, string CertificatePrefix)
{
    public const string Section = "Panah:Education";

    public static LearningOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new LearningOptions(
            section.GetSection("Attendance").Get<AttendanceOptions>() ?? new AttendanceOptions(),
            section.GetSection("Exam").Get<ExamOptions>() ?? new ExamOptions(),
            section.GetSection("DropoutRisk").Get<DropoutRiskOptions>() ?? new DropoutRiskOptions(),
            section["CertificateIssuer"] is { Length: > 0 } issuer ? issuer : "Panah",
            section["CertificatePrefix"] is { Length: > 0 } prefix ? prefix : "TRC");
    }
}
