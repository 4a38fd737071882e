namespace Panah.Matching;

/// <summary>
/// English given names and their nicknames (William, Bill, Will, Billy; Elizabeth, Liz, Betty): a name and its
/// nickname, or two nicknames of one name, are alike names however little their letters have in common. The list is
/// carltonnorthern/nicknames (<c>names.csv</c>, Apache License 2.0, see <c>nicknames.LICENSE.txt</c> beside this
/// file), a hand-curated list of 2,691 relationships, embedded as it is published. Every entry is put in comparable
/// form (<see cref="NameKey.Comparable"/>), so the comparison sees the same spelling whatever the record's script.
/// The list also names some nicknames as names with nicknames of their own (Bill has Robert and William), so "two
/// nicknames of one name" holds only for nicknames that are no such name: Liz and Betty (both Elizabeth's) are
/// alike, William and Robert (both on Bill's line) are not.
/// </summary>
internal static class Nicknames
{
    /// <summary>Not on the list.</summary>
    public const int None = -1;

    /// <summary>Per name on the list: its own number when it has nicknames (else -1), and the names it is a nickname of.</summary>
    private static readonly (Dictionary<string, int> Index, (int Own, int[] Of)[] Entries) Table = Load();

    /// <summary>The list entry of <paramref name="compact"/> (a comparable name without spaces), or <see cref="None"/>.</summary>
    public static int Of(string compact) =>
        compact.Length > 0 && Table.Index.TryGetValue(compact, out var entry) ? entry : None;

    /// <summary>Whether two names (by their <see cref="Of"/> entries) are a name and its nickname, or two nicknames of one name.</summary>
    public static bool Alike(int a, int b)
    {
        if (a == None || b == None)
            return false;
        if (a == b)
            return true;
        var (ownA, ofA) = Table.Entries[a];
        var (ownB, ofB) = Table.Entries[b];
        if ((ownB >= 0 && Array.IndexOf(ofA, ownB) >= 0) || (ownA >= 0 && Array.IndexOf(ofB, ownA) >= 0))
            return true;
        if (ownA >= 0 || ownB >= 0)
            return false;
        foreach (var x in ofA)
        {
            if (Array.IndexOf(ofB, x) >= 0)
                return true;
        }

        return false;
    }

    private static (Dictionary<string, int>, (int, int[])[]) Load()
    {
        using var stream = typeof(Nicknames).Assembly.GetManifestResourceStream("Panah.Matching.Text.nicknames.csv")
            ?? throw new InvalidOperationException("The nickname list is not embedded.");
        using var reader = new StreamReader(stream);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var own = new List<int>();
        var of = new List<SortedSet<int>>();
        int Entry(string name)
        {
            if (!index.TryGetValue(name, out var e))
            {
                index[name] = e = own.Count;
                own.Add(-1);
                of.Add([]);
            }

            return e;
        }

        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Trim().Split(',');
            if (fields.Length != 3 || fields[1] != "has_nickname")
                continue;
            var name = Key(fields[0]);
            var nickname = Key(fields[2]);
            if (name.Length == 0 || nickname.Length == 0 || name == nickname)
                continue;
            var formal = Entry(name);
            own[formal] = formal;
            of[Entry(nickname)].Add(formal);
        }

        var entries = new (int, int[])[own.Count];
        for (var e = 0; e < entries.Length; e++)
            entries[e] = (own[e], [.. of[e]]);
        return (index, entries);
    }

    private static string Key(string entry) => NameKey.Comparable(entry).Replace(" ", string.Empty, StringComparison.Ordinal);
}
