namespace Panah.Data.Staff;

/// <summary>Staff roles. Each grants only what that job needs.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string RegistrationOfficer = "RegistrationOfficer";
    public const string DistributionClerk = "DistributionClerk";
    public const string Teacher = "Teacher";
    public const string CaseWorker = "CaseWorker";
    public const string ProgrammeManager = "ProgrammeManager";
    public const string DataProtectionOfficer = "DataProtectionOfficer";

    /// <summary>Runs Turkish classes for their field offices: courses, sections, applicants, the waitlist and enrolment.</summary>
    public const string EducationCoordinator = "EducationCoordinator";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, RegistrationOfficer, DistributionClerk, Teacher, CaseWorker, ProgrammeManager, DataProtectionOfficer, EducationCoordinator];

    /// <summary>Accepts a role name in any case, with or without spaces or dashes ("registration-officer").</summary>
    public static string? Parse(string? value)
    {
        var compact = new string((value ?? "").Where(char.IsLetter).ToArray());
        return All.FirstOrDefault(r => string.Equals(r, compact, StringComparison.OrdinalIgnoreCase));
    }
}
