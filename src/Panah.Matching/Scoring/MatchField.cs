namespace Panah.Matching;

/// <summary>The fields compared for a pair of records, in the order of <see cref="MatchModel.Fields"/>.</summary>
public enum MatchField
{
    GivenName,
    FamilyName,
    FatherName,
    Sex,
    BirthDate,
    BirthPlace,
    Phone,
    DocumentNumber,
    Address,
}

/// <summary>Comparison levels per field; level 0 is the strongest agreement, the last level is disagreement.</summary>
internal static class FieldLevels
{
    public const int FieldCount = 9;
    public const int Missing = 15;

    /// <summary>Present on both sides but proves nothing here (see <see cref="Comparer"/>); weight 0 like a missing value.</summary>
    public const int NotInformative = 14;

    private static readonly string[][] Names =
    [
        ["exact", "similar", "somewhat similar", "different"],
        ["exact", "similar", "somewhat similar", "different"],
        ["exact", "similar", "somewhat similar", "different"],
        ["same", "different"],
        ["exact", "exact (1 January placeholder)", "same year, one side 1 January", "swapped or one digit off", "a month or a year off", "different"],
        ["exact", "similar", "different"],
        ["exact", "one digit off", "different"],
        ["exact", "one character off", "different"],
        ["exact", "mostly the same", "partly the same", "different"],
    ];

    public static int Count(int field) => Names[field].Length;

    public static string Name(int field, int level) => level switch
    {
        Missing => "missing",
        NotInformative when field == (int)MatchField.FatherName => "not counted: same as the family name",
        NotInformative when field == (int)MatchField.Address => "not counted: household evidence (siblings or parent and child, or the phone already agrees)",
        NotInformative => "not counted: household evidence (siblings or parent and child)",
        _ => Names[field][level],
    };

    /// <summary>True for the fields whose exact agreement is adjusted by how common the value is.</summary>
    public static bool HasTermFrequency(int field) => field is 0 or 1 or 2 or 5;
}
