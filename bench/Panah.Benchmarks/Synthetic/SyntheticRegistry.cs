using System.Globalization;
using Panah.Matching;

namespace Panah.Benchmarks.Synthetic;

/// <summary>
/// A seeded multi-script Uyghur registry: households (siblings share family name, father's name, address and
/// often the phone: hard negatives), Zipf-distributed names (common-name collisions), and people registered
/// again in another script or convention with typos, swapped names, missing fields and date quirks.
/// The default (realistic) generator is harder, as a real registry is (SyntheticRegistry.Realistic.cs);
/// <c>legacy</c> gives the first generator's records, byte for byte.
/// </summary>
internal sealed partial class SyntheticRegistry
{
    private readonly Random _random;
    private readonly double[] _maleWeights;
    private readonly double[] _femaleWeights;
    private readonly UyghurName[] _male;
    private readonly UyghurName[] _female;
    private readonly List<PersonRecord> _records = [];
    private readonly List<int> _person = [];
    private readonly bool _legacy;
    private int _people;
    private int _households;

    private SyntheticRegistry(int seed, bool legacy)
    {
        _random = new Random(seed);
        _legacy = legacy;
        _male = legacy ? NamePool.AllMale : NamePool.RealisticMale;
        _female = legacy ? NamePool.AllFemale : NamePool.AllFemale;
        // Popularity steeper than the first generator's (exponent 0.8): the most common name is carried by about
        // one man in seven (Muhemmet) and one woman in six. Steeper still (1.05 was tried) makes a quarter of all
        // women namesakes of each other, and identical names on identical dates outnumber true duplicates.
        _maleWeights = Zipf(_male.Length, legacy ? 0.8 : 0.9);
        _femaleWeights = Zipf(_female.Length, legacy ? 0.8 : 0.9);
    }

    private sealed record Person(UyghurName Given, UyghurName Family, UyghurName Father, bool Female, DateOnly Birth, bool DayUnknown,
        string Place, string? Phone, string? Document, string Address);

    public static (List<PersonRecord> Records, List<int> Person) Generate(int size, int seed, bool legacy = false)
    {
        var g = new SyntheticRegistry(seed, legacy);
        while (g._records.Count < size)
        {
            if (legacy)
                g.Household(size);
            else
                g.RealisticHousehold(size);
        }

        return (g._records, g._person);
    }

    private void Household(int size)
    {
        var fatherName = PickMale();
        var grandfather = PickMale();
        var address = $"{UyghurNames.Districts[_random.Next(UyghurNames.Districts.Length)]} {UyghurNames.Streets[_random.Next(UyghurNames.Streets.Length)]} No {_random.Next(1, 120)}";
        var phone = Phone();
        var place = UyghurNames.Places[_random.Next(UyghurNames.Places.Length)];
        var members = new List<Person>
        {
            Member(fatherName, grandfather, false, 1950, 1988, place, phone, address),
            Member(PickFemale(), PickMale(), true, 1952, 1990, place, _random.Next(2) == 0 ? phone : Phone(), address),
        };
        var children = _random.Next(0, 5);
        for (var c = 0; c < children; c++)
        {
            var female = _random.Next(2) == 0;
            members.Add(Member(female ? PickFemale() : PickMale(), fatherName, female, 1985, 2018, place, _random.Next(3) == 0 ? phone : Phone(), address));
        }

        foreach (var person in members)
        {
            if (_records.Count >= size)
                return;
            var id = _people++;
            var registrations = _random.NextDouble() < 0.35 ? (_random.NextDouble() < 0.3 ? 3 : 2) : 1;
            for (var r = 0; r < registrations && _records.Count < size; r++)
            {
                _records.Add(Render(person, $"r{_records.Count}", duplicate: r > 0));
                _person.Add(id);
            }
        }
    }

    private Person Member(UyghurName given, UyghurName family, bool female, int from, int to, string place, string? phone, string address)
    {
        var year = _random.Next(from, to);
        var birth = new DateOnly(year, 1, 1).AddDays(_random.Next(365));
        var dayUnknown = _random.NextDouble() < 0.1;
        var document = _random.NextDouble() < 0.8 ? "99" + _random.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture) : null;
        return new Person(given, family, family, female, dayUnknown ? new DateOnly(year, 1, 1) : birth, dayUnknown, place, phone, document, address);
    }

    private PersonRecord Render(Person p, string id, bool duplicate, int? householdStyle = null, string? household = null)
    {
        var style = householdStyle ?? (duplicate ? Pick([0.25, 0.25, 0.15, 0.15, 0.1, 0.1]) : Pick([0.5, 0.5]));
        var given = Write(p.Given, style);
        var family = Write(p.Family, style);
        var father = Maybe(duplicate ? 0.6 : 0.8) ? Write(p.Father, style) : null;
        if (style == 5 && Maybe(0.5))
        {
            given = given + "·" + family;
            family = null;
        }

        DateOnly? birth = p.Birth;
        string? phone = p.Phone;
        string? document = p.Document;
        string? address = p.Address;
        string? place = Maybe(0.7) ? Write(new UyghurName(p.Place), style is 2 or 3 ? style : _random.Next(2)) : null;
        if (duplicate)
        {
            if (Maybe(0.1) && given is not null)
                given = Typo(given);
            if (Maybe(0.05) && family is not null)
                family = Typo(family);
            if (Maybe(0.06))
                (given, family) = (family, given);
            if (!p.Female && style < 2 && Maybe(0.05))
                given += "jan";
            birth = DateQuirk(p.Birth);
            if (Maybe(0.3))
                phone = null;
            if (Maybe(0.4))
                document = null;
            else if (document is not null && Maybe(0.03))
                document = Typo(document);
            if (Maybe(0.3))
                address = null;
            else if (Maybe(0.15))
                address = $"{UyghurNames.Districts[_random.Next(UyghurNames.Districts.Length)]} {UyghurNames.Streets[_random.Next(UyghurNames.Streets.Length)]} No {_random.Next(1, 120)}";
        }
        else if (Maybe(0.1))
        {
            phone = null;
        }

        return new PersonRecord(id)
        {
            GivenName = given,
            FamilyName = family,
            FatherName = father,
            Sex = Maybe(0.95) ? (p.Female ? (style == 1 ? "K" : "f") : (style == 1 ? "E" : "m")) : null,
            BirthDate = birth,
            BirthPlace = place,
            Phone = phone is null ? null : FormatPhone(phone),
            DocumentNumber = document,
            Address = address,
            HouseholdId = household,
        };
    }

    /// <summary>0 ULY, 1 Turkish, 2 Arabic script, 3 Cyrillic, 4 pinyin, 5 Chinese characters.</summary>
    private string Write(UyghurName name, int style) => style switch
    {
        0 => name.Uly,
        1 => name.Turkish is not null && Maybe(0.7) ? name.Turkish : Scripts.ToTurkish(name.Uly),
        2 => Scripts.ToArabic(name.Uly),
        3 => Scripts.ToCyrillic(name.Uly),
        4 => name.Pinyin ?? name.Uly,
        _ => name.Han ?? name.Pinyin ?? name.Uly,
    };

    private DateOnly? DateQuirk(DateOnly d)
    {
        var x = _random.NextDouble();
        if (x < 0.10)
            return new DateOnly(d.Year, 1, 1);
        if (x < 0.14 && d.Day <= 12)
            return new DateOnly(d.Year, d.Day, d.Month);
        if (x < 0.18)
            return d.AddDays(_random.Next(2) == 0 ? 1 : -1);
        if (x < 0.20)
            return d.AddYears(_random.Next(2) == 0 ? 1 : -1);
        if (x < 0.25)
            return null;
        return d;
    }

    private string Typo(string s)
    {
        if (s.Length < 3)
            return s;
        var i = 1 + _random.Next(s.Length - 2);
        return _random.Next(3) switch
        {
            0 => s[..i] + s[(i + 1)..],
            1 => s[..i] + s[i + 1] + s[i] + s[(i + 2)..],
            _ => s[..i] + (char)('a' + _random.Next(26)) + s[(i + 1)..],
        };
    }

    private string Phone() => "5" + _random.Next(30, 56).ToString(CultureInfo.InvariantCulture) + _random.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);

    private string FormatPhone(string national) => _random.Next(4) switch
    {
        0 => "0" + national,
        1 => "+90 " + national[..3] + " " + national[3..6] + " " + national[6..],
        2 => "0090" + national,
        _ => "0 (" + national[..3] + ") " + national[3..6] + "-" + national[6..8] + "-" + national[8..],
    };

    private UyghurName PickMale() => _male[Weighted(_maleWeights)];

    private UyghurName PickFemale() => _female[Weighted(_femaleWeights)];

    private bool Maybe(double p) => _random.NextDouble() < p;

    private int Pick(double[] weights) => Weighted(weights);

    private int Weighted(double[] weights)
    {
        var x = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
                return i;
        }

        return weights.Length - 1;
    }

    private static double[] Zipf(int n, double exponent) => Enumerable.Range(1, n).Select(r => 1 / Math.Pow(r, exponent)).ToArray();
}
