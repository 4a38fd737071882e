using Panah.Core.Registry;
using Panah.Data.Crypto;
using Panah.Data.Entities;
using Panah.Matching;

namespace Panah.Data.Registry;

/// <summary>Turns a person's names, phones and documents into blind-index tokens.</summary>
public sealed class SearchTokenizer(BlindIndex index)
{
    public IEnumerable<SearchToken> For(Guid personId, PersonDetails p, string? householdPhone)
    {
        var seen = new HashSet<string>();
        foreach (var name in p.AllNames())
        {
            foreach (var part in name.Parts())
            {
                foreach (var token in NameForms(part))
                {
                    if (seen.Add("n" + token))
                    {
                        yield return new SearchToken { Kind = SearchKind.NamePart, Hash = index.Token(SearchKind.NamePart, token), PersonId = personId };
                    }
                }
            }
        }
        foreach (var phone in new[] { p.Phone, householdPhone })
        {
            if (!string.IsNullOrWhiteSpace(phone) && seen.Add("p" + SearchKeys.Phone(phone)))
            {
                yield return new SearchToken { Kind = SearchKind.Phone, Hash = index.Token(SearchKind.Phone, SearchKeys.Phone(phone)), PersonId = personId };
            }
        }
        if (!string.IsNullOrWhiteSpace(p.Email) && SearchKeys.Email(p.Email) is { Length: > 0 } email)
        {
            yield return new SearchToken { Kind = SearchKind.Email, Hash = index.Token(SearchKind.Email, email), PersonId = personId };
        }
        foreach (var doc in p.Documents)
        {
            var key = SearchKeys.Document(doc.Number);
            if (key.Length > 0 && seen.Add("d" + key))
            {
                yield return new SearchToken { Kind = SearchKind.Document, Hash = index.Token(SearchKind.Document, key), PersonId = personId };
            }
        }
    }

    /// <summary>
    /// A name part as written (folded) and in the matcher's comparable Latin form, so that a search
    /// in one script finds a name entered in another: "Абдурехим" and "ئابدۇرېھىم" find "Abdurehim".
    /// </summary>
    internal static IEnumerable<string> NameForms(string part) =>
        SearchKeys.NameTokens(part).Concat(NameKey.Comparable(part).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct();

    /// <summary>
    /// What a query must match: one entry per query term, each satisfied by any of its alternative
    /// hashes; an empty list when there is nothing to search for.
    /// </summary>
    public List<(SearchKind Kind, byte[][] Alternatives)> ForQuery(SearchQuery q)
    {
        var list = new List<(SearchKind, byte[][])>();
        foreach (var word in SearchKeys.NameTokens(q.Name).Distinct())
        {
            list.Add((SearchKind.NamePart, NameForms(word).Select(t => index.Token(SearchKind.NamePart, t)).ToArray()));
        }
        if (!string.IsNullOrWhiteSpace(q.Email) && SearchKeys.Email(q.Email) is { Length: > 0 } email)
        {
            list.Add((SearchKind.Email, [index.Token(SearchKind.Email, email)]));
        }
        if (!string.IsNullOrWhiteSpace(q.Phone) && SearchKeys.Phone(q.Phone) is { Length: > 0 } phone)
        {
            list.Add((SearchKind.Phone, [index.Token(SearchKind.Phone, phone)]));
        }
        if (!string.IsNullOrWhiteSpace(q.Document) && SearchKeys.Document(q.Document) is { Length: > 0 } doc)
        {
            list.Add((SearchKind.Document, [index.Token(SearchKind.Document, doc)]));
        }
        return list;
    }
}
