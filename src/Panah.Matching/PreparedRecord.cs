namespace Panah.Matching;

/// <summary>A name in comparable form with what the comparators and blocking need.</summary>
internal readonly struct PreparedName
{
    public PreparedName(string comparable, StringPool? pool = null)
    {
        Text = comparable;
        Compact = comparable.Contains(' ') ? StringPool.Get(pool, comparable.Replace(" ", string.Empty)) : comparable;
        Key = StringPool.Get(pool, NameKey.Phonetic(Compact));
        Nicknames = Matching.Nicknames.Of(Compact);
    }

    /// <summary>Comparable form, tokens separated by a space.</summary>
    public string Text { get; }

    /// <summary>Comparable form without spaces ("abdu rehim" and "abdurehim" compare equal).</summary>
    public string Compact { get; }

    /// <summary>Phonetic key of <see cref="Compact"/>.</summary>
    public string Key { get; }

    /// <summary>The set of names this one is a nickname of or has as nicknames (<see cref="Matching.Nicknames"/>), or none.</summary>
    public int Nicknames { get; }

    public bool IsEmpty => string.IsNullOrEmpty(Text);
}

/// <summary>A <see cref="PersonRecord"/> normalised once, so that each comparison only compares.</summary>
internal sealed class PreparedRecord
{
    public PreparedRecord(PersonRecord source)
        : this(source, null)
    {
    }

    /// <summary>With a <paramref name="pool"/> (a long-lived index), repeated values are held once and only the source's id is kept.</summary>
    public PreparedRecord(PersonRecord source, StringPool? pool)
    {
        Source = pool is null ? source : new PersonRecord(source.Id);
        var given = NameKey.Comparable(source.GivenName);
        var family = NameKey.Comparable(source.FamilyName);
        // A whole name in one field ("阿不都热依木·吐尔逊"): the last token is the family name.
        if (family.Length == 0 && given.Contains(' '))
            (given, family) = SplitLast(given);
        else if (given.Length == 0 && family.Contains(' '))
            (given, family) = SplitLast(family);
        Given = new PreparedName(StringPool.Get(pool, given), pool);
        Family = new PreparedName(StringPool.Get(pool, family), pool);
        Father = new PreparedName(StringPool.Get(pool, NameKey.Comparable(source.FatherName)), pool);
        Sex = ParseSex(source.Sex);
        Date = BirthDates.Pack(source.BirthDate);
        Place = StringPool.Get(pool, NameKey.Comparable(source.BirthPlace));
        Phone = PhoneNumbers.Normalise(source.Phone);
        Document = Codes.Normalise(source.DocumentNumber);
        Address = StringPool.Get(pool, NameFolder.Fold(source.Address));
        AddressTokens = Address.Length == 0 ? [] : Address.Split(' ');
        if (pool is not null)
        {
            for (var t = 0; t < AddressTokens.Length; t++)
                AddressTokens[t] = StringPool.Get(pool, AddressTokens[t]);
        }

        Household = StringPool.Get(pool, source.HouseholdId?.Trim() ?? string.Empty);
    }

    public PersonRecord Source { get; }
    public PreparedName Given { get; }
    public PreparedName Family { get; }
    public PreparedName Father { get; }

    /// <summary>0 unknown, 1 male, 2 female.</summary>
    public byte Sex { get; }

    /// <summary>yyyymmdd, 0 when unknown.</summary>
    public int Date { get; }

    public string Place { get; }
    public string Phone { get; }
    public string Document { get; }
    public string Address { get; }
    public string[] AddressTokens { get; }

    /// <summary>Id of the household registered with, empty when unknown.</summary>
    public string Household { get; }

    /// <summary>Relative frequencies of the given, family, father name and birth place values (term-frequency adjustment).</summary>
    public float GivenTf { get; set; }
    public float FamilyTf { get; set; }
    public float FatherTf { get; set; }
    public float PlaceTf { get; set; }

    private static (string Given, string Family) SplitLast(string whole)
    {
        var space = whole.LastIndexOf(' ');
        return (whole[..space], whole[(space + 1)..]);
    }

    private static byte ParseSex(string? sex)
    {
        if (string.IsNullOrWhiteSpace(sex))
            return 0;
        var s = NameFolder.Fold(sex);
        return s switch
        {
            "m" or "male" or "man" or "e" or "erkek" or "er" => 1,
            "f" or "female" or "woman" or "k" or "kadin" or "kiz" or "ayal" => 2,
            _ => s.StartsWith('m') ? (byte)1 : s.StartsWith('f') ? (byte)2 : (byte)0,
        };
    }
}
