
namespace Panah.Matching.Tests;

/// <summary>A small seeded registry with duplicates, for the scoring and clustering tests.</summary>
internal static class TestPeople
{
    private static readonly string[] Given = ["Abdurehim", "Muhemmet", "Ehmet", "Yusup", "Tursun", "Ilham", "Erkin", "Qurban", "Osman", "Adil", "Tahir", "Kamil", "Alim", "Sabir", "Yasin"];
    private static readonly string[] Female = ["Gülnar", "Aygül", "Meryem", "Patime", "Zöhre", "Mahire", "Aynur", "Rahile", "Nurgül", "Zeynep"];

    /// <summary>Records and the true person of each.</summary>
    public static (List<PersonRecord> Records, List<int> Person) Registry(int people, int seed)
    {
        var random = new Random(seed);
        var records = new List<PersonRecord>();
        var person = new List<int>();
        for (var p = 0; p < people; p++)
        {
            var female = random.Next(2) == 0;
            var original = new PersonRecord($"p{p}-0")
            {
                GivenName = female ? Female[random.Next(Female.Length)] : Given[random.Next(Given.Length)],
                FamilyName = Given[random.Next(Given.Length)],
                FatherName = Given[random.Next(Given.Length)],
                Sex = female ? "f" : "m",
                BirthDate = new DateOnly(1950 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28)),
                Phone = $"05{random.Next(30, 60)}{random.Next(1000000, 9999999)}",
                BirthPlace = random.Next(2) == 0 ? "Kashgar" : "Hotan",
            };
            records.Add(original);
            person.Add(p);
            var copies = random.Next(3);
            for (var c = 1; c <= copies; c++)
            {
                records.Add(Corrupt(original with { Id = $"p{p}-{c}" }, random));
                person.Add(p);
            }
        }

        return (records, person);
    }

    private static PersonRecord Corrupt(PersonRecord r, Random random) => random.Next(5) switch
    {
        0 => r with { Phone = "+90 " + r.Phone![1..] },
        1 => r with { BirthDate = new DateOnly(r.BirthDate!.Value.Year, 1, 1) },
        2 => r with { GivenName = r.FamilyName, FamilyName = r.GivenName, BirthPlace = null },
        3 => r with { GivenName = Typo(r.GivenName!, random), Phone = null },
        _ => r with { FatherName = null, FamilyName = NameKey.Comparable(r.FamilyName).ToUpperInvariant() },
    };

    private static string Typo(string s, Random random)
    {
        var i = 1 + random.Next(s.Length - 2);
        return s[..i] + s[(i + 1)..];
    }
}
