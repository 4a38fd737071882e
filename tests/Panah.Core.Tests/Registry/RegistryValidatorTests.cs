using Panah.Core.Demo;
using Panah.Core.Registry;

namespace Panah.Core.Tests.Registry;

public sealed class RegistryValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static PersonDetails Person(Relationship relationship = Relationship.Head) => new()
    {
        Name = new PersonName(NameScript.UyghurLatin, "Abdurehim", "Tursun", "Memet"),
        Sex = Sex.Male,
        Relationship = relationship,
        BirthDate = new BirthDate(new DateOnly(1980, 5, 2), BirthDatePrecision.Exact),
        Consents = [new Consent(ConsentPurpose.Registration, new DateOnly(2026, 1, 5), "2026-1")],
    };

    private static readonly HouseholdDetails Household = new() { District = "Zeytinburnu" };

    [Fact]
    public void A_complete_household_is_valid() => Assert.Empty(RegistryValidator.Validate(Household, [Person(), Person(Relationship.Child)], Today));

    [Fact]
    public void A_future_birth_date_is_refused()
    {
        var errors = RegistryValidator.Validate(Household, [Person() with { BirthDate = new BirthDate(Today.AddDays(1), BirthDatePrecision.Exact) }], Today);
        Assert.Equal(["BirthDate.InFuture"], errors["members[0].birthDate"]);
    }

    [Fact]
    public void A_bad_checksum_is_refused_with_its_path()
    {
        var p = Person() with { Documents = [new IdentityDocument(DocumentType.ForeignerId, "99123456741")] };
        var errors = RegistryValidator.Validate(Household, [p], Today);
        Assert.Equal(["Document.BadChecksum"], errors["members[0].documents[0].number"]);
    }

    [Fact]
    public void A_foreigner_id_must_start_with_99()
    {
        var p = Person() with { Documents = [new IdentityDocument(DocumentType.ForeignerId, "10000000146")] };
        Assert.Equal(["Document.ForeignerIdPrefix"], RegistryValidator.Validate(p, Today)["documents[0].number"]);
    }

    [Fact]
    public void A_residence_permit_needs_an_expiry()
    {
        var p = Person() with { Documents = [new IdentityDocument(DocumentType.ResidencePermit, "IK1", ResidencePermitType.Family)] };
        Assert.Contains("documents[0].expiresOn", RegistryValidator.Validate(p, Today).Keys);
    }

    [Fact]
    public void A_household_needs_exactly_one_head()
    {
        Assert.Equal(["Members.OneHead"], RegistryValidator.Validate(Household, [Person(), Person()], Today)["members"]);
        Assert.Equal(["Members.Required"], RegistryValidator.Validate(Household, [], Today)["members"]);
    }

    [Fact]
    public void An_adult_is_not_an_unaccompanied_child()
    {
        var p = Person() with { Vulnerabilities = Vulnerability.UnaccompaniedChild };
        Assert.Contains("vulnerabilities", RegistryValidator.Validate(p, Today).Keys);
    }

    [Fact]
    public void Consent_cannot_be_withdrawn_before_it_was_given()
    {
        var p = Person() with { Consents = [new Consent(ConsentPurpose.FoodAssistance, Today, "2026-1", WithdrawnOn: Today.AddDays(-3))] };
        Assert.Contains("consents[0].withdrawnOn", RegistryValidator.Validate(p, Today).Keys);
    }

    [Fact]
    public void A_person_without_a_registration_consent_in_force_is_refused()
    {
        Assert.Equal(["Consent.RegistrationRequired"], RegistryValidator.Validate(Person() with { Consents = [] }, Today)["consents"]);
        var foodOnly = Person() with { Consents = [new Consent(ConsentPurpose.FoodAssistance, Today, "2026-1")] };
        Assert.Contains("members[0].consents", RegistryValidator.Validate(Household, [foodOnly], Today).Keys);
        var withdrawn = Person() with { Consents = [new Consent(ConsentPurpose.Registration, Today.AddDays(-9), "2026-1", null, Today)] };
        Assert.Contains("consents", RegistryValidator.Validate(withdrawn, Today).Keys);
    }

    [Fact]
    public void Every_generated_demo_household_is_valid()
    {
        var generator = new DemoHouseholds(new Random(42), Today);
        for (var i = 0; i < 2000; i++)
        {
            var h = generator.Next();
            var errors = RegistryValidator.Validate(h.Household, h.Members, Today);
            Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
        }
    }

    [Theory]
    [InlineData(2, AgeGroup.Under5)]
    [InlineData(5, AgeGroup.From5To11)]
    [InlineData(17, AgeGroup.From12To17)]
    [InlineData(18, AgeGroup.From18To59)]
    [InlineData(60, AgeGroup.Over60)]
    public void Age_groups(int age, AgeGroup group) => Assert.Equal(group, AgeGroups.FromAge(age));

    [Fact]
    public void Year_only_birth_dates_count_whole_years()
    {
        var b = new BirthDate(new DateOnly(2010, 1, 1), BirthDatePrecision.YearOnly);
        Assert.Equal(16, b.AgeOn(Today));
        var exact = new BirthDate(new DateOnly(2010, 12, 31), BirthDatePrecision.Exact);
        Assert.Equal(15, exact.AgeOn(Today));
    }
}
