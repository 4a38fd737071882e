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

    public static IReadOnlyList<string> All { get; } =
        [Administrator, RegistrationOfficer, DistributionClerk, Teacher, CaseWorker, ProgrammeManager, DataProtectionOfficer];

    /// <summary>Accepts a role name in any case, with or without spaces or dashes ("registration-officer").</summary>
    public static string? Parse(string? value)
    {
        var compact = new string((value ?? "").Where(char.IsLetter).ToArray());
        return All.FirstOrDefault(r => string.Equals(r, compact, StringComparison.OrdinalIgnoreCase));
    }
}
