using Microsoft.AspNetCore.Authorization;
using Panah.Data.Staff;

namespace Panah.Web.Infrastructure;

/// <summary>Function-level permissions. Deny by default: every page and endpoint names one of these.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member who has passed 2FA (or holds a valid API token).</summary>
    public const string Staff = nameof(Staff);
    public const string RegistryRead = nameof(RegistryRead);
    public const string RegistryWrite = nameof(RegistryWrite);
    public const string StaffAdmin = nameof(StaffAdmin);
    public const string DuplicateReview = nameof(DuplicateReview);

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        [RegistryRead] = [Roles.RegistrationOfficer, Roles.ProgrammeManager, Roles.CaseWorker, Roles.DataProtectionOfficer],
        [RegistryWrite] = [Roles.RegistrationOfficer],
        [StaffAdmin] = [Roles.Administrator],
        [DuplicateReview] = [Roles.RegistrationOfficer, Roles.ProgrammeManager, Roles.CaseWorker],
    };

    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesFor)
        {
            options.AddPolicy(name, p => p
                .AddAuthenticationSchemes(AuthSchemes.Staff)
                .RequireAuthenticatedUser()
                .RequireClaim(MfaClaim, MfaValue)
                .RequireRole(roles));
        }
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}
