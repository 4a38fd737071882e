using Panah.Data.Staff;

namespace Panah.Data.Access;

/// <summary>The fields of a registry record one can be shown. Views carry the set they were cut to.</summary>
[Flags]
public enum RegistryFields : long
{
    None = 0,
    HouseholdCode = 1 << 0,
    District = 1 << 1,
    HouseholdStatus = 1 << 2,
    RegisteredOn = 1 << 3,
    MemberCount = 1 << 4,

    /// <summary>The members of a household, one by one (each cut to the other fields).</summary>
    Members = 1 << 5,
    Address = 1 << 6,
    Neighbourhood = 1 << 7,
    HouseholdPhone = 1 << 8,

    /// <summary>The name of the head of household only (a distribution clerk hands food to the head or an alternate collector).</summary>
    HeadName = 1 << 9,

    /// <summary>Every person's name.</summary>
    Name = 1 << 10,
    Spellings = 1 << 11,
    Sex = 1 << 12,
    AgeGroup = 1 << 13,
    BirthDate = 1 << 14,
    BirthPlace = 1 << 15,
    Relationship = 1 << 16,
    Phone = 1 << 17,
    Documents = 1 << 18,
    SpecificNeeds = 1 << 19,
    Consents = 1 << 20,

    All = (1L << 21) - 1,
}

/// <summary>
/// Role × field: what each role's work needs of a registry record, and nothing more. Applied in one place
/// (<see cref="Registry.RegistryStore"/>, <see cref="Registry.RegistrySearch"/> and the review queue cut every view
/// with it before it leaves the data layer); pages and the API leave a hidden field out rather than show it empty.
/// </summary>
public static class FieldAccess
{
    private const RegistryFields Pseudonymous =
        RegistryFields.HouseholdCode | RegistryFields.District | RegistryFields.HouseholdStatus | RegistryFields.MemberCount | RegistryFields.Members
        | RegistryFields.Sex | RegistryFields.AgeGroup | RegistryFields.SpecificNeeds;

    public static readonly IReadOnlyDictionary<string, RegistryFields> Table = new Dictionary<string, RegistryFields>
    {
        // Registers and corrects: everything in the registry, for their offices.
        [Roles.RegistrationOfficer] = RegistryFields.All,
        // Hands out food: who may collect, for which household, for how many. No documents, phones or needs.
        [Roles.DistributionClerk] = RegistryFields.HouseholdCode | RegistryFields.HeadName | RegistryFields.MemberCount,
        // Plans programmes: pseudonymous lists and aggregates. No names, phones, documents or addresses.
        [Roles.ProgrammeManager] = Pseudonymous,
        // Protection (cases come later): reaches and follows up people, but does not handle their documents.
        [Roles.CaseWorker] = RegistryFields.All & ~RegistryFields.Documents,
        // Subject access and erasure: every field.
        [Roles.DataProtectionOfficer] = RegistryFields.All,
        // Teaches a section: to call a learner who stays away, a name and a contact phone. No food, protection or documents.
        [Roles.Teacher] = RegistryFields.Name | RegistryFields.Phone,
        // Runs classes: reaches applicants (names, contact, sex and age group for women-only groups and reports) and
        // sees their consents (education must be consented to before enrolment). No documents, needs or address.
        [Roles.EducationCoordinator] = RegistryFields.HouseholdCode | RegistryFields.District | RegistryFields.MemberCount | RegistryFields.Members
            | RegistryFields.Name | RegistryFields.Sex | RegistryFields.AgeGroup | RegistryFields.Relationship | RegistryFields.Phone | RegistryFields.Consents,
        // Administrator: nothing from the registry.
    };

    public static RegistryFields For(string? role) => role is not null && Table.TryGetValue(role, out var f) ? f : RegistryFields.None;

    public static bool Shows(this RegistryFields shown, RegistryFields field) => (shown & field) == field;
}
