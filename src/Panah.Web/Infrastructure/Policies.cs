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

    /// <summary>A signed-in person managing their own account (password, own API tokens): any role, interactive only.</summary>
    public const string OwnAccount = nameof(OwnAccount);
    public const string DuplicateReview = nameof(DuplicateReview);

    /// <summary>
    /// Correcting a person's record: the registration officer's daily work, and the data protection officer's when the
    /// person asks for a correction (rectification, KVKK article 11).
    /// </summary>
    public const string Rectification = nameof(Rectification);

    /// <summary>The data protection officer's own work (subject access, the audit, erasure): a person at the keyboard only.</summary>
    public const string DataProtection = nameof(DataProtection);

    /// <summary>Erasing a person through the API: the data protection officer's token may do it (an integration of the DPO's office), unlike the rest of their work.</summary>
    public const string Erasure = nameof(Erasure);

    /// <summary>The food assistance hub page: anyone with a food job.</summary>
    public const string Food = nameof(Food);

    /// <summary>Food assistance: commodities, baskets, programmes, cycles, points (design and generation), and its aggregate reports.</summary>
    public const string FoodDesign = nameof(FoodDesign);

    /// <summary>Approving a cycle's entitlements: a programme manager other than the one who generated them.</summary>
    public const string FoodApprove = nameof(FoodApprove);

    /// <summary>Distribution day: looking up a card and recording a collection, at the clerk's own offices' points.</summary>
    public const string FoodDistribute = nameof(FoodDistribute);

    /// <summary>Issuing, printing, revoking and reissuing households' food cards.</summary>
    public const string FoodCards = nameof(FoodCards);

    /// <summary>The stock ledger: receipts, transfers, losses, adjustments and balances.</summary>
    public const string FoodStock = nameof(FoodStock);

    /// <summary>Post-distribution monitoring: drawing samples and filling or importing surveys.</summary>
    public const string FoodMonitoring = nameof(FoodMonitoring);

    /// <summary>Turkish classes: a teacher's own sections and learners, a coordinator's sections at their offices.</summary>
    public const string Education = nameof(Education);

    /// <summary>Running classes: courses, sections, timetables, applications, the waitlist, offers and enrolment.</summary>
    public const string EducationCoordinate = nameof(EducationCoordinate);

    /// <summary>Protection cases: the case worker's (owner, assigned, supervisor) and the DPO's for subject access (alerted); which cases, the scope says.</summary>
    public const string Protection = nameof(Protection);

    /// <summary>Working a case: opening, assessing, asking and giving approvals.</summary>
    public const string ProtectionWork = nameof(ProtectionWork);
    /// <summary>Influx planning: the registry's baseline (counts only, within the reader's offices) and scenario forecasts.</summary>
    public const string Planning = nameof(Planning);

    /// <summary>Exports: asking for an export of personal data and downloading it once approved, and aggregate exports; rows and columns as the caller's scope and field access allow.</summary>
    public const string Exports = nameof(Exports);

    /// <summary>The gate of exports: approving or refusing others' requests (never one's own) and registering recipients' keys.</summary>
    public const string ExportApprove = nameof(ExportApprove);

    /// <summary>The dashboards' overview: anyone who may see at least one section below.</summary>
    public const string Dashboards = nameof(Dashboards);

    /// <summary>Registry aggregates (arrivals, pyramid, needs, permits) within the viewer's offices, and the registry's donor report.</summary>
    public const string DashboardRegistry = nameof(DashboardRegistry);

    /// <summary>Food aggregates (people reached, tonnes, collection rate, CARI) and the food donor report.</summary>
    public const string DashboardFood = nameof(DashboardFood);

    /// <summary>Education aggregates (enrolment, attendance, passes, waitlist) and the education donor report.</summary>
    public const string DashboardEducation = nameof(DashboardEducation);

    /// <summary>Protection counts (open cases by type and risk, overdue tasks) within a case worker's own case scope, small counts hidden.</summary>
    public const string DashboardProtection = nameof(DashboardProtection);

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Staff] = [.. Roles.All],
        // Which records and fields each of these reads is AccessScope's and FieldAccess's business (Panah.Data/Access).
        [RegistryRead] = [Roles.RegistrationOfficer, Roles.DistributionClerk, Roles.ProgrammeManager, Roles.CaseWorker, Roles.DataProtectionOfficer],
        [RegistryWrite] = [Roles.RegistrationOfficer],
        [StaffAdmin] = [Roles.Administrator],
        [OwnAccount] = [.. Roles.All],
        [DuplicateReview] = [Roles.RegistrationOfficer, Roles.CaseWorker],
        [DataProtection] = [Roles.DataProtectionOfficer],
        [Erasure] = [Roles.DataProtectionOfficer],
        [Rectification] = [Roles.RegistrationOfficer, Roles.DataProtectionOfficer],
        [Food] = [Roles.ProgrammeManager, Roles.DistributionClerk],
        [FoodDesign] = [Roles.ProgrammeManager],
        [FoodApprove] = [Roles.ProgrammeManager],
        [FoodDistribute] = [Roles.DistributionClerk],
        [FoodCards] = [Roles.ProgrammeManager, Roles.DistributionClerk],
        [FoodStock] = [Roles.ProgrammeManager, Roles.DistributionClerk],
        [FoodMonitoring] = [Roles.ProgrammeManager, Roles.DistributionClerk],
        [Education] = [Roles.Teacher, Roles.EducationCoordinator],
        [EducationCoordinate] = [Roles.EducationCoordinator],
        [Protection] = [Roles.CaseWorker, Roles.DataProtectionOfficer],
        [ProtectionWork] = [Roles.CaseWorker],
        [Planning] = [Roles.ProgrammeManager],
        [Exports] = [Roles.RegistrationOfficer, Roles.DistributionClerk, Roles.ProgrammeManager, Roles.CaseWorker, Roles.DataProtectionOfficer],
        // A token may decide (like erasure, an integration of the DPO's office); four eyes holds whatever the credential.
        [ExportApprove] = [Roles.DataProtectionOfficer],
        [Dashboards] = [Roles.RegistrationOfficer, Roles.DistributionClerk, Roles.ProgrammeManager, Roles.EducationCoordinator, Roles.CaseWorker],
        [DashboardRegistry] = [Roles.RegistrationOfficer, Roles.ProgrammeManager],
        [DashboardFood] = [Roles.ProgrammeManager, Roles.DistributionClerk],
        [DashboardEducation] = [Roles.ProgrammeManager, Roles.EducationCoordinator],
        [DashboardProtection] = [Roles.CaseWorker],
    };

    public const string MfaClaim = "amr";
    public const string MfaValue = "mfa";

    /// <summary>Set only on cookie sessions a person opened with password and TOTP; a bearer token never carries it.</summary>
    public const string SessionClaim = "session";
    public const string InteractiveValue = "interactive";

    /// <summary>Marks the principal of a service account's token, so the audit names it as one.</summary>
    public const string ServiceAccountClaim = "service_account";

    /// <summary>
    /// Policies a token can never satisfy: administering staff and tokens, changing one's own account, or the data
    /// protection officer's reports on a person, needs a person at the keyboard who passed 2FA, not a credential that
    /// may sit in a script.
    /// </summary>
    public static readonly IReadOnlySet<string> InteractiveOnly = new HashSet<string> { StaffAdmin, OwnAccount, DataProtection };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesFor)
        {
            options.AddPolicy(name, p =>
            {
                p.AddAuthenticationSchemes(AuthSchemes.Staff)
                    .RequireAuthenticatedUser()
                    .RequireClaim(MfaClaim, MfaValue)
                    .RequireRole(roles);
                if (InteractiveOnly.Contains(name))
                {
                    p.RequireClaim(SessionClaim, InteractiveValue);
                }
            });
        }
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}
