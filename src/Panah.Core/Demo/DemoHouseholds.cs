using System.Globalization;
using Panah.Core.Registry;

namespace Panah.Core.Demo;

/// <summary>A synthetic household with its members, as the demo seeder registers it.</summary>
public sealed record DemoHousehold(string OfficeCode, HouseholdDetails Household, IReadOnlyList<PersonDetails> Members);

/// <summary>
/// Synthetic but realistic Uyghur households in Istanbul and Kayseri: names in the script they were
/// entered in with other spellings, family name from the father's given name, year-only birth dates,
/// foreigner IDs with valid check digits, residence permits near expiry, specific needs at plausible rates.
/// Nothing here is a real person.
/// </summary>
public sealed class DemoHouseholds(Random random, DateOnly today)
{
    private static readonly (string Office, string District, string[] Neighbourhoods)[] Places =
    [
        ("IST", "Zeytinburnu", ["Yeşiltepe", "Sümer", "Seyitnizam", "Beştelsiz"]),
        ("IST", "Başakşehir", ["Kayabaşı", "Güvercintepe"]),
        ("IST", "Fatih", ["Aksaray", "Balat"]),
        ("SEF", "Küçükçekmece", ["Sefaköy", "Halkalı", "Atakent"]),
        ("SEF", "Esenyurt", ["Fatih", "Yenikent"]),
        ("KAY", "Melikgazi", ["Alpaslan", "Gesi"]),
        ("KAY", "Kocasinan", ["Erkilet", "Yenidoğan"]),
    ];

    private static readonly string[] BirthPlaces = ["Kashgar", "Ghulja", "Ürümchi", "Hotan", "Aqsu", "Turpan", "Qumul", "Atush", "Istanbul", "Kayseri", "Almaty"];

    private static readonly NameScript[] EntryScripts =
        [NameScript.UyghurLatin, NameScript.UyghurLatin, NameScript.Turkish, NameScript.Turkish, NameScript.UyghurArabic];

    public DemoHousehold Next()
    {
        var (office, district, neighbourhoods) = Places[random.Next(Places.Length)];
        var members = new List<PersonDetails>();
        var householdPhone = random.NextDouble() < 0.8 ? Phone() : null;
        var kind = random.NextDouble();
        if (kind < 0.01)
        {
            // An unaccompanied child registered alone.
            var father = Pick(DemoNames.Male);
            members.Add(Person(Relationship.Head, Coin() ? Sex.Male : Sex.Female, random.Next(12, 18), father, Vulnerability.UnaccompaniedChild));
        }
        else if (kind < 0.03)
        {
            var father = Pick(DemoNames.Male);
            members.Add(Person(Relationship.Head, Coin() ? Sex.Female : Sex.Male, random.Next(66, 90), father, Vulnerability.OlderPersonAlone));
        }
        else
        {
            var womanHeaded = random.NextDouble() < 0.15;
            var grandfather = Pick(DemoNames.Male);
            var headAge = random.Next(24, 62);
            var head = Person(Relationship.Head, womanHeaded ? Sex.Female : Sex.Male, headAge, grandfather, womanHeaded ? Vulnerability.WomanHeadedHousehold : Vulnerability.None);
            members.Add(head);
            if (!womanHeaded)
            {
                members.Add(Person(Relationship.Spouse, Sex.Female, Math.Max(18, headAge - random.Next(0, 8)), Pick(DemoNames.Male), Vulnerability.None));
            }
            var childFather = womanHeaded ? Pick(DemoNames.Male) : DemoNames.Male.First(n => n.Latin == head.Name.Given || n.Turkish == head.Name.Given || n.Arabic == head.Name.Given);
            var children = random.Next(0, Math.Min(6, Math.Max(1, headAge - 18)));
            for (var c = 0; c < children; c++)
            {
                var age = random.Next(0, Math.Max(1, Math.Min(headAge - 18, 25)));
                members.Add(Person(Relationship.Child, Coin() ? Sex.Female : Sex.Male, age, childFather, Vulnerability.None));
            }
            if (random.NextDouble() < 0.12)
            {
                members.Add(Person(Relationship.Parent, Coin() ? Sex.Female : Sex.Male, Math.Min(95, headAge + random.Next(20, 32)), Pick(DemoNames.Male), Vulnerability.None));
            }
        }
        var household = new HouseholdDetails
        {
            District = district,
            Neighbourhood = neighbourhoods[random.Next(neighbourhoods.Length)],
            Address = $"{Pick(["Çınar", "Lale", "Gül", "Bahar", "Yıldız", "Pınar", "Meşe"])} Sk. No:{random.Next(1, 120)} D:{random.Next(1, 20)}",
            Phone = householdPhone,
        };
        return new DemoHousehold(office, household, members);
    }

    private PersonDetails Person(Relationship relationship, Sex sex, int age, DemoName father, Vulnerability needs)
    {
        var given = Pick(sex == Sex.Female ? DemoNames.Female : DemoNames.Male);
        var grandfather = Pick(DemoNames.Male);
        var script = EntryScripts[random.Next(EntryScripts.Length)];
        var name = new PersonName(script, Form(given, script), Form(father, script), Form(grandfather, script));
        var spellings = new List<PersonName>();
        foreach (var other in new[] { NameScript.UyghurArabic, NameScript.Turkish, NameScript.Cyrillic, NameScript.Pinyin })
        {
            if (other != script && random.NextDouble() < (other == NameScript.Pinyin ? 0.2 : 0.35))
            {
                spellings.Add(new PersonName(other, Form(given, other), Form(father, other), null));
            }
        }
        var yearOnly = random.NextDouble() < 0.2;
        var birthYear = today.Year - age;
        var birth = yearOnly
            ? new BirthDate(new DateOnly(birthYear, 1, 1), BirthDatePrecision.YearOnly)
            : new BirthDate(new DateOnly(birthYear, 1, 1).AddDays(random.Next(0, 365)), BirthDatePrecision.Exact);
        if (birth.Date > today)
        {
            birth = birth with { Date = today };
        }
        var extra = Vulnerability.None;
        if (random.NextDouble() < 0.05) { extra |= Vulnerability.Disability; }
        if (random.NextDouble() < 0.04) { extra |= Vulnerability.SeriousMedicalCondition; }
        if (sex == Sex.Female && age is >= 18 and <= 45 && random.NextDouble() < 0.08) { extra |= Vulnerability.PregnantOrLactating; }
        return new PersonDetails
        {
            Name = name,
            Spellings = spellings,
            Sex = sex,
            BirthDate = birth,
            BirthPlace = age < 8 ? "Istanbul" : Pick(BirthPlaces),
            Relationship = relationship,
            Phone = age >= 16 && random.NextDouble() < 0.6 ? Phone() : null,
            Documents = Documents(age),
            Vulnerabilities = needs | extra,
            Consents = [new Consent(ConsentPurpose.Registration, today.AddDays(-random.Next(0, 700)), "2026-1"),
                        .. random.NextDouble() < 0.9 ? [new Consent(ConsentPurpose.FoodAssistance, today.AddDays(-random.Next(0, 300)), "2026-1")] : Array.Empty<Consent>()],
        };
    }

    private List<IdentityDocument> Documents(int age)
    {
        var docs = new List<IdentityDocument>();
        if (random.NextDouble() < 0.15)
        {
            docs.Add(new IdentityDocument(DocumentType.TurkishCitizenId, TurkishIdNumber.Complete(random.Next(1, 9).ToString(CultureInfo.InvariantCulture) + Digits(8))));
            return docs;
        }
        docs.Add(new IdentityDocument(DocumentType.ForeignerId, TurkishIdNumber.Complete("99" + Digits(7))));
        if (age >= 18 && random.NextDouble() < 0.7)
        {
            var type = Pick([ResidencePermitType.ShortTerm, ResidencePermitType.ShortTerm, ResidencePermitType.Family, ResidencePermitType.Humanitarian, ResidencePermitType.LongTerm, ResidencePermitType.InternationalProtection]);
            docs.Add(new IdentityDocument(DocumentType.ResidencePermit, "IK" + Digits(8), type, today.AddDays(random.Next(-60, 700))));
        }
        if (age >= 16 && random.NextDouble() < 0.3)
        {
            docs.Add(new IdentityDocument(DocumentType.Passport, "E" + Digits(8), ExpiresOn: today.AddDays(random.Next(-2000, 2000))));
        }
        return docs;
    }

    private static string Form(DemoName n, NameScript script) => script switch
    {
        NameScript.Turkish => n.Turkish,
        NameScript.UyghurArabic => n.Arabic,
        NameScript.Cyrillic => n.Cyrillic,
        NameScript.Pinyin => n.Pinyin,
        _ => n.Latin,
    };

    private string Phone()
    {
        var n = $"5{random.Next(30, 60)}{random.Next(100, 1000)}{random.Next(10, 100)}{random.Next(10, 100)}";
        return random.Next(4) switch
        {
            0 => "+90 " + n[..3] + " " + n[3..6] + " " + n[6..8] + " " + n[8..],
            1 => "0" + n[..3] + " " + n[3..6] + " " + n[6..],
            2 => "0" + n,
            _ => n,
        };
    }

    private string Digits(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private bool Coin() => random.Next(2) == 0;

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
