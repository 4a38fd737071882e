using Panah.Core.Registry;
using Panah.Matching;

namespace Panah.Data.Registry;

/// <summary>Which of a person's fields a search matched on: the explanation an officer sees next to each hit.</summary>
[Flags]
public enum SearchReason
{
    None = 0,
    GivenName = 1,
    FamilyName = 2,
    FathersName = 4,
    Phone = 8,
    Document = 16,
    Email = 32,
}

/// <summary>
/// How well a candidate found through the blind index matches the query, computed on the opened record.
/// Lower <see cref="Tier"/> is better: 0 the given and family name exactly as written, 1 the same in the
/// matcher's comparable form (another script or convention), 2 every word in the given or family name,
/// 3 a word found only in the father's name.
/// </summary>
internal readonly record struct SearchRank(int Tier, int WrittenWords, string SortName, Guid Id) : IComparable<SearchRank>
{
    public int CompareTo(SearchRank other)
    {
        var c = Tier.CompareTo(other.Tier);
        if (c == 0)
        {
            c = other.WrittenWords.CompareTo(WrittenWords);
        }
        if (c == 0)
        {
            c = string.CompareOrdinal(SortName, other.SortName);
        }
        return c != 0 ? c : Id.CompareTo(other.Id);
    }
}

/// <summary>Ranks and explains hits of one query; the same word forms as the blind index, so it agrees with it.</summary>
internal sealed class SearchRanking
{
    private readonly List<(string Written, HashSet<string> Forms)> words;
    private readonly HashSet<string> written;
    private readonly HashSet<string> comparable;
    private readonly SearchReason termReasons;

    public SearchRanking(SearchQuery q)
    {
        words = SearchKeys.NameTokens(q.Name).Distinct().Select(w => (w, SearchTokenizer.NameForms(w).ToHashSet())).ToList();
        written = words.Select(w => w.Written).ToHashSet();
        comparable = Words(NameKey.Comparable(q.Name));
        termReasons = (string.IsNullOrWhiteSpace(q.Phone) ? SearchReason.None : SearchReason.Phone)
            | (string.IsNullOrWhiteSpace(q.Document) ? SearchReason.None : SearchReason.Document)
            | (string.IsNullOrWhiteSpace(q.Email) ? SearchReason.None : SearchReason.Email);
    }

    public (SearchRank Rank, SearchReason Reasons) Rank(Guid id, PersonDetails person)
    {
        var names = person.AllNames().ToList();
        var sortName = NameKey.Comparable(person.Name.Display);
        if (words.Count == 0)
        {
            return (new SearchRank(0, 0, sortName, id), termReasons);
        }
        var given = Forms(names.Select(n => n.Given));
        var family = Forms(names.Select(n => n.Family));
        var father = Forms(names.Select(n => n.Father));
        var writtenParts = names.SelectMany(n => SearchKeys.NameTokens(n.Given).Concat(SearchKeys.NameTokens(n.Family))).ToHashSet();
        var reasons = termReasons;
        var fatherOnly = false;
        foreach (var (_, forms) in words)
        {
            var inGiven = forms.Overlaps(given);
            var inFamily = forms.Overlaps(family);
            reasons |= (inGiven ? SearchReason.GivenName : 0) | (inFamily ? SearchReason.FamilyName : 0);
            if (!inGiven && !inFamily && forms.Overlaps(father))
            {
                reasons |= SearchReason.FathersName;
                fatherOnly = true;
            }
        }
        var tier = names.Any(n => written.SetEquals(SearchKeys.NameTokens(n.Given).Concat(SearchKeys.NameTokens(n.Family)))) ? 0
            : names.Any(n => comparable.SetEquals(Words(NameKey.Comparable(n.Display)))) ? 1
            : fatherOnly ? 3 : 2;
        return (new SearchRank(tier, written.Count(writtenParts.Contains), sortName, id), reasons);
    }

    private static HashSet<string> Forms(IEnumerable<string?> parts) =>
        parts.Where(p => !string.IsNullOrWhiteSpace(p)).SelectMany(p => SearchTokenizer.NameForms(p!)).ToHashSet();

    private static HashSet<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
}
