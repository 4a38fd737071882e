using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Panah.Data.Registry;

namespace Panah.Web.Features.Registry;

/// <summary>Search terms, posted (never in a URL) by the API and the search page alike.</summary>
public sealed class SearchInput
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Document { get; set; }
    public string? Email { get; set; }
    /// <summary>Page of the ranked hits, from 1 (50 a page).</summary>
    public int? Page { get; set; }

    public SearchQuery ToQuery() => new(Name, Phone, Document, Email);
}

/// <summary>A hit: the person and the fields it matched on (givenName, familyName, fathersName, phone, document).</summary>
public sealed record SearchHitDto(PersonDto Person, IReadOnlyList<string> MatchedOn);

/// <summary>
/// One page of hits, best first. <c>total</c> counts every match; when <c>moreThanTotal</c> is true there were
/// more than that many and only the first were ranked: refine the search.
/// </summary>
public sealed record SearchResultDto(IReadOnlyList<SearchHitDto> Items, int Page, int PageSize, int Total, int PageCount, bool MoreThanTotal);

/// <summary><c>POST /api/v1/people/search</c>.</summary>
public static class SearchApi
{
    public static async Task<Results<Ok<SearchResultDto>, ValidationProblem>> Search(
        [FromBody] SearchInput input, RegistrySearch search, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var q = input.ToQuery();
        if (q.IsEmpty)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["name"] = ["Search.Empty"] }, l);
        }
        var found = await search.SearchAsync(q, input.Page ?? 1, ct);
        return TypedResults.Ok(new SearchResultDto(
            found.Hits.Select(h => new SearchHitDto(RegistryMapping.ToDto(h.Person), MatchedOn(h.Reasons))).ToList(),
            found.PageNumber, found.PageSize, found.Total, found.PageCount, found.MoreThanTotal));
    }

    public static IReadOnlyList<string> MatchedOn(SearchReason reasons) =>
        Enum.GetValues<SearchReason>().Where(r => r != SearchReason.None && reasons.HasFlag(r)).Select(RegistryMapping.Camel).ToList();
}
