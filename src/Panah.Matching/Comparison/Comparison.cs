using System.Runtime.CompilerServices;

namespace Panah.Matching;

/// <summary>
/// The agreement pattern of a pair: one comparison level per field, 4 bits each (15 = missing),
/// bit 63 set when the given and family names were compared crosswise (swapped), and bit 62 when the pair is a
/// cannot-link (<see cref="Matching.CannotLink"/>): EM counts such pairs as non-matches, whatever their levels.
/// </summary>
internal readonly record struct Comparison(ulong Pattern)
{
    public const ulong SwappedBit = 1UL << 63;
    public const ulong CannotLinkBit = 1UL << 62;

    public bool CannotLink => (Pattern & CannotLinkBit) != 0;

    private const int TermFrequencyShift = 40;

    /// <summary>
    /// The same comparison carrying the term-frequency adjustment of an exact given and family name, in half
    /// bits (bits 40–49), for EM: agreeing on "Muhemmet" is much weaker than on a rare name, and EM on the bare
    /// levels would count every pair of common namesakes as a likely match, inflating the match prior the more,
    /// the larger the registry.
    /// </summary>
    public Comparison WithTermFrequencies(TermFrequencies frequencies, PreparedRecord a)
    {
        var p = Pattern;
        for (var f = 0; f < 2; f++)
        {
            if (Level(f) != 0)
                continue;
            var halfBits = (int)Math.Round(2 * MatchModel.TermFrequencyAdjustment(frequencies, f, a, Swapped));
            p |= (ulong)(uint)(Math.Clamp(halfBits, -15, 15) + 16) << (TermFrequencyShift + (5 * f));
        }

        return new Comparison(p);
    }

    /// <summary>Bits the exact agreement of a name field is adjusted by (0 when none was recorded).</summary>
    public double TermFrequencyBits(int field)
    {
        var stored = (int)(Pattern >> (TermFrequencyShift + (5 * field))) & 0x1F;
        return stored == 0 ? 0 : (stored - 16) / 2.0;
    }

    /// <summary>The same comparison marked as a cannot-link when <paramref name="a"/> and <paramref name="b"/> are one.</summary>
    public Comparison WithCannotLink(PreparedRecord a, PreparedRecord b) =>
        Matching.CannotLink.Applies(a, b, this) ? new Comparison(Pattern | CannotLinkBit) : this;

    public bool Swapped => (Pattern & SwappedBit) != 0;

    /// <summary>The pattern without the swapped flag: what EM counts.</summary>
    public ulong Levels => Pattern & ~SwappedBit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Level(int field) => (int)(Pattern >> (field * 4)) & 0xF;
}

/// <summary>Compares two prepared records field by field.</summary>
internal static class Comparer
{
    public static Comparison Compare(PreparedRecord a, PreparedRecord b)
    {
        var swapped = NamesSwapped(a, b, out var givenSimilarity, out var familySimilarity);
        var given = swapped ? NameLevel(a.Given, b.Family) : NameLevel(a.Given, b.Given, givenSimilarity);
        var family = swapped ? NameLevel(a.Family, b.Given) : NameLevel(a.Family, b.Family, familySimilarity);
        var father = NameLevel(a.Father, b.Father);
        if (father == 0 && FatherRepeatsAFamilyName(a, b, swapped, given, family))
            father = FieldLevels.NotInformative;
        var phone = CodeLevel(a.Phone, b.Phone);
        var address = AddressLevel(a, b);
        // A phone or address shared by siblings (same family name, different given names) or by a parent and
        // child (one's given name is the other's family name) is household evidence, not evidence of one person;
        // and a household shares both, so with the phone agreeing the address adds nothing.
        var household = (given == 3 && family is 0 or 1) || (family == 3 && CrossGeneration(a, b));
        if (household && phone == 0)
            phone = FieldLevels.NotInformative;
        if ((household || phone == 0) && address is 0 or 1)
            address = FieldLevels.NotInformative;

        ulong p = 0;
        p |= (ulong)(uint)given;
        p |= (ulong)(uint)family << 4;
        p |= (ulong)(uint)father << 8;
        p |= (ulong)(uint)SexLevel(a.Sex, b.Sex) << 12;
        p |= (ulong)(uint)DateLevel(a.Date, b.Date) << 16;
        p |= (ulong)(uint)PlaceLevel(a.Place, b.Place) << 20;
        p |= (ulong)(uint)phone << 24;
        p |= (ulong)(uint)CodeLevel(a.Document, b.Document) << 28;
        p |= (ulong)(uint)address << 32;
        if (swapped)
            p |= Comparison.SwappedBit;
        return new Comparison(p);
    }

    /// <summary>
    /// Uyghurs take the father's given name as family name: agreeing on both is one piece of evidence, not two.
    /// Crosswise, either record may be the one registered the other way round, so both crosswise fields pair
    /// one record's family name with the other's given name and either can carry the father's name; checking
    /// only the first record's family name would score a pair differently by order.
    /// </summary>
    private static bool FatherRepeatsAFamilyName(PreparedRecord a, PreparedRecord b, bool swapped, int given, int family)
    {
        var father = a.Father.Compact;
        if (!swapped)
            return family == 0 && father == a.Family.Compact;
        return (family == 0 && father == a.Family.Compact) || (given == 0 && father == a.Given.Compact);
    }

    private static bool CrossGeneration(PreparedRecord a, PreparedRecord b) =>
        (!a.Given.IsEmpty && a.Given.Compact == b.Family.Compact) || (!a.Family.IsEmpty && a.Family.Compact == b.Given.Compact);

    /// <summary>Given and family names registered the other way round ("Tursun Abdurehim"). The straight
    /// similarities, when they had to be computed, are handed back so that the name levels need not compute them
    /// again (NaN otherwise); the crosswise ones come first, as most pairs are no swap and need no more.</summary>
    private static bool NamesSwapped(PreparedRecord a, PreparedRecord b, out double givenSimilarity, out double familySimilarity)
    {
        givenSimilarity = familySimilarity = double.NaN;
        if (a.Given.IsEmpty || a.Family.IsEmpty || b.Given.IsEmpty || b.Family.IsEmpty)
            return false;
        if (a.Given.Compact == b.Given.Compact || a.Family.Compact == b.Family.Compact)
            return false;
        // Both crosswise names must be alike: a father's given name is his son's family name, which alone is no swap.
        var givenFamily = JaroWinkler.Similarity(a.Given.Compact, b.Family.Compact);
        if (givenFamily < 0.92)
            return false;
        var familyGiven = JaroWinkler.Similarity(a.Family.Compact, b.Given.Compact);
        if (familyGiven < 0.92)
            return false;
        givenSimilarity = JaroWinkler.Similarity(a.Given.Compact, b.Given.Compact);
        familySimilarity = JaroWinkler.Similarity(a.Family.Compact, b.Family.Compact);
        return givenFamily + familyGiven > givenSimilarity + familySimilarity + 0.1;
    }

    /// <param name="a">One name.</param>
    /// <param name="b">The other.</param>
    /// <param name="similarity">Their Jaro–Winkler similarity when already known, else NaN.</param>
    internal static int NameLevel(in PreparedName a, in PreparedName b, double similarity = double.NaN)
    {
        if (a.IsEmpty || b.IsEmpty)
            return FieldLevels.Missing;
        if (a.Compact == b.Compact)
            return 0;
        var jw = double.IsNaN(similarity) ? JaroWinkler.Similarity(a.Compact, b.Compact) : similarity;
        // A name and its nickname (William and Bill) are alike however few letters they share.
        if (jw >= 0.92 || OneTokenContainsOther(a.Text, b.Text) || Nicknames.Alike(a.Nicknames, b.Nicknames))
            return 1;
        return jw >= 0.8 ? 2 : 3;
    }

    /// <summary>"abdurehim" against "abdurehim ehmet": a second given name added or dropped.</summary>
    private static bool OneTokenContainsOther(string a, string b)
    {
        if (!a.Contains(' ') && !b.Contains(' '))
            return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        foreach (var token in longer.AsSpan().Split(' '))
        {
            if (longer.AsSpan()[token].SequenceEqual(shorter))
                return true;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SexLevel(byte a, byte b) => a == 0 || b == 0 ? FieldLevels.Missing : a == b ? 0 : 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DateLevel(int a, int b) => a == 0 || b == 0 ? FieldLevels.Missing : (int)BirthDates.Compare(a, b);

    private static int PlaceLevel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return FieldLevels.Missing;
        if (a == b)
            return 0;
        return JaroWinkler.Similarity(a, b) >= 0.88 ? 1 : 2;
    }

    private static int CodeLevel(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return FieldLevels.Missing;
        if (a == b)
            return 0;
        return EditDistance.WithinOne(a, b) ? 1 : 2;
    }

    private static int AddressLevel(PreparedRecord a, PreparedRecord b)
    {
        if (a.Address.Length == 0 || b.Address.Length == 0)
            return FieldLevels.Missing;
        if (a.Address == b.Address)
            return 0;
        var overlap = TokenSet.Overlap(a.AddressTokens, b.AddressTokens);
        return overlap >= 0.8 ? 1 : overlap >= 0.5 ? 2 : 3;
    }
}
