using System.Security.Cryptography;
using System.Text;
using Panah.Core.Access;
using Panah.Data.Staff;

namespace Panah.Data.Access;

/// <summary>
/// Which registry records this request may touch: the offices of the signed-in staff member, the
/// households shared with them or opened by break-glass, and the fields their role sees. One per request
/// (scoped), read by <see cref="PanahDbContext"/>'s query filters at every query. Deny by default: until a
/// request's staff member is known, and for a staff member with no office, it covers no record at all.
/// </summary>
/// <remarks>The rules, role by role, are <see cref="RecordRules"/> below and <see cref="FieldAccess"/>.</remarks>
public sealed class AccessScope
{
    /// <summary>The name of the query filter every personal entity carries; bulk readers switch it off through <see cref="UnscopedReads"/>.</summary>
    public const string FilterName = "AccessScope";

    /// <summary>
    /// Which records a role reaches: every office, or the staff member's own offices, and the programme the staff
    /// member must be assigned to for any record to show. A role not listed reaches no registry record.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (bool AllOffices, Programme? Needs)> RecordRules = new Dictionary<string, (bool, Programme?)>
    {
        [Roles.RegistrationOfficer] = (false, null),
        [Roles.DistributionClerk] = (false, Programme.Food),
        [Roles.ProgrammeManager] = (false, null),
        // Protection cases come later; until then a case worker reads the registry of their offices.
        [Roles.CaseWorker] = (false, Programme.Protection),
        // For subject access and erasure: every office, and every one of those reads is audited like any other.
        [Roles.DataProtectionOfficer] = (true, null),
        // Classes, for the coordinator's offices. A teacher reaches no office: see SectionIds. Administrator: no registry.
        [Roles.EducationCoordinator] = (false, Programme.Education),
    };

    public bool AllOffices { get; private set; }
    public int[] OfficeIds { get; private set; } = [];

    /// <summary>Households beyond the offices: granted share requests and open break-glass grants.</summary>
    public Guid[] HouseholdIds { get; private set; } = [];
    public RegistryFields Fields { get; private set; } = RegistryFields.None;

    /// <summary>
    /// A teacher's own class sections: the learners enrolled in them (and their rows in those sections) are all of the
    /// registry a teacher reaches, whatever offices the account lists.
    /// </summary>
    public int[] SectionIds { get; private set; } = [];

    /// <summary>Whether <see cref="SectionIds"/> admits anyone: lets the query filters skip the enrolment lookup for everyone else.</summary>
    public bool Teaches { get; private set; }

    /// <summary>
    /// The protection cases this staff member sees: those they own, are assigned or offered by transfer, and those of
    /// the workers of the teams they supervise. A case and every row of it outside these is not there.
    /// </summary>
    public Guid[] CaseIds { get; private set; } = [];

    /// <summary>Every case: the data protection officer (subject access and erasure; each read of a case is also alerted) and all-access jobs.</summary>
    public bool AllCases { get; private set; }

    /// <summary>The protection teams this staff member works in, and those they supervise.</summary>
    public int[] TeamIds { get; private set; } = [];
    public int[] SupervisedTeamIds { get; private set; } = [];

    public bool CoversCase(Guid caseId) => AllCases || CaseIds.Contains(caseId);

    /// <summary>Whether this staff member supervises the team (and so approves for its cases).</summary>
    public bool Supervises(int? teamId) => teamId is { } id && SupervisedTeamIds.Contains(id);

    /// <summary>The cases and teams of a case worker, loaded after <see cref="ForStaff"/> (which clears them).</summary>
    public void WithCases(IEnumerable<Guid> caseIds, IEnumerable<int> teams, IEnumerable<int> supervisedTeams)
    {
        CaseIds = caseIds.Distinct().Order().ToArray();
        TeamIds = teams.Distinct().Order().ToArray();
        SupervisedTeamIds = supervisedTeams.Distinct().Order().ToArray();
    }

    /// <summary>The role that decided this scope, or null (nobody signed in, or an explicit all-access job).</summary>
    public string? Role { get; private set; }
    public string? StaffUserId { get; private set; }

    /// <summary>Keys caches (list totals) so that nothing counted in one scope is shown in another.</summary>
    public string CacheKey { get; private set; } = "none";

    public bool CoversOffice(int officeId) => AllOffices || OfficeIds.Contains(officeId);

    public bool CoversHousehold(Guid householdId, int officeId) => CoversOffice(officeId) || HouseholdIds.Contains(householdId);

    /// <summary>Whether this scope may act on a class section: its own teacher, or (for anyone who does not teach) its office's staff.</summary>
    public bool CoversSection(int sectionId, int officeId) => SectionIds.Contains(sectionId) || (!Teaches && CoversOffice(officeId));

    /// <summary>The scope of a staff member: their role's rule applied to their assignments and grants.</summary>
    public void ForStaff(string staffUserId, IReadOnlyCollection<string> roles, IEnumerable<int> offices, IReadOnlyCollection<Programme> programmes, IEnumerable<Guid> grantedHouseholds, IEnumerable<int>? taughtSections = null)
    {
        StaffUserId = staffUserId;
        // Every account holds one role; an account with several is ambiguous and gets nothing rather than the union.
        Role = roles.Count == 1 ? roles.First() : null;
        SectionIds = [];
        WithCases([], [], []);
        AllCases = Role == Roles.DataProtectionOfficer;
        if (Role == Roles.Teacher && programmes.Contains(Programme.Education))
        {
            // Need-to-know by class, not by office: the sections' learners and nothing else (no grants, no offices).
            SectionIds = taughtSections?.Distinct().Order().ToArray() ?? [];
            Set(false, [], [], SectionIds.Length > 0 ? FieldAccess.For(Role) : RegistryFields.None);
            return;
        }
        if (Role is null || !RecordRules.TryGetValue(Role, out var rule) || (rule.Needs is { } needed && !programmes.Contains(needed)))
        {
            Set(false, [], [], RegistryFields.None);
            return;
        }
        Set(rule.AllOffices, offices.Distinct().Order().ToArray(), grantedHouseholds.Distinct().Order().ToArray(), FieldAccess.For(Role));
    }

    /// <summary>
    /// Every record and field, for work that is not a staff member's request and needs the whole registry
    /// (the CLI's bench, the demo's start-up check). A request never gets this from the data it carries.
    /// </summary>
    public void Everything(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        Role = null;
        SectionIds = [];
        WithCases([], [], []);
        AllCases = true;
        Set(true, [], [], RegistryFields.All);
    }

    private void Set(bool all, int[] offices, Guid[] households, RegistryFields fields)
    {
        AllOffices = all;
        OfficeIds = offices;
        HouseholdIds = households;
        Fields = fields;
        Teaches = SectionIds.Length > 0;
        CacheKey = all ? "all" : $"o:{string.Join(',', offices)}|h:{households.Length}:{Digest(households)}|s:{string.Join(',', SectionIds)}";
    }

    private static string Digest(Guid[] households) => households.Length == 0
        ? ""
        : Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', households))), 0, 8);
}
