using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Erasure;

namespace Panah.Data.Registry;

/// <summary>One person found by a search, and why.</summary>
public sealed record SearchHit(PersonView Person, SearchReason Reasons);

/// <summary>
/// One page of ranked hits. <see cref="Total"/> counts every match up to <see cref="RegistrySearch.MaxCandidates"/>;
/// <see cref="MoreThanTotal"/> says there were more, and the officer should refine the search.
/// </summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int PageNumber, int PageSize, int Total, bool MoreThanTotal)
{
    public int PageCount => Paging.PageCount(Total, PageSize);
}

/// <summary>
/// Name, phone and document search. Candidates come from the blind index (every query term must match a
/// token of the person); they are then opened and ranked by how well they match (see <see cref="SearchRanking"/>),
/// so the person meant comes first and a page beyond the first is well defined. Every search is audited.
/// </summary>
public sealed class RegistrySearch(PanahDbContext db, RegistrySealer sealer, SearchTokenizer tokenizer, AuditLog audit, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>At most this many candidates are opened and ranked; beyond it the officer is asked to refine.</summary>
    public const int MaxCandidates = 2000;

    public async Task<SearchResult> SearchAsync(SearchQuery q, int page = 1, CancellationToken ct = default)
    {
        var tokens = tokenizer.ForQuery(q);
        // A search by name, phone or document would tie those to a household for a reader who is shown no names
        // (a pseudonymous list is not pseudonymous if it can be searched by name): such a reader finds no one.
        var names = db.Scope.Fields & (RegistryFields.Name | RegistryFields.HeadName);
        if (tokens.Count == 0 || names == RegistryFields.None)
        {
            return new SearchResult([], 1, PageSize, 0, false);
        }
        var found = await CandidateIds(tokens).OrderBy(id => id).Take(MaxCandidates + 1).ToListAsync(ct);
        var more = found.Count > MaxCandidates;
        if (more)
        {
            found.RemoveAt(MaxCandidates);
        }
        var rows = await db.People.AsNoTracking().Include(p => p.Key).Include(p => p.Household)
            .Where(p => found.Contains(p.Id)).ToListAsync(ct);
        var ranking = new SearchRanking(q);
        // Erasure deletes a person's tokens; a row erased between the two reads is left out all the same.
        var ranked = rows.Where(p => !p.Key!.IsErased())
            .Select(p => (Row: p, Details: RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p)))
            // A reader shown heads' names only (a distribution clerk) finds heads only.
            .Where(x => names.Shows(RegistryFields.Name) || x.Details.Relationship == Core.Registry.Relationship.Head)
            .Select(x => (x.Row, x.Details, Match: ranking.Rank(x.Row.Id, x.Details)))
            .OrderBy(x => x.Match.Rank)
            .ToList();
        page = Math.Clamp(page, 1, Paging.PageCount(ranked.Count, PageSize));
        var hits = ranked.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new SearchHit(Shown(x.Row, x.Details), x.Match.Reasons))
            .ToList();
        await audit.SaveAsync(db, new AuditEvent("people.search", "person", null,
            $"terms={tokens.Count} total={ranked.Count}{(more ? "+" : "")} page={page} shown={hits.Count}") { People = hits.Select(h => h.Person.Id).ToList() }, ct);
        return new SearchResult(hits, page, PageSize, ranked.Count, more);
    }

    /// <summary>The hit as the reader may see it (only people in the scope are candidates at all).</summary>
    private PersonView Shown(Entities.PersonRecord row, Core.Registry.PersonDetails details)
    {
        var year = clock.GetUtcNow().Year;
        return new PersonView(row.Id, row.HouseholdId, row.Household!.Code, row.Household.District, row.Version, details, row.MergedIntoId)
        {
            AgeGroup = row.BirthYear is { } born ? Core.Registry.AgeGroups.FromAge(year - born) : null,
        }.Cut(db.Scope.Fields);
    }

    /// <summary>
    /// Ids of active people with a token for every term. The most selective terms (documents, phones) lead;
    /// every other term is a semi-join probe of the (kind, hash, person) key.
    /// </summary>
    private IQueryable<Guid> CandidateIds(List<(SearchKind Kind, byte[][] Alternatives)> tokens)
    {
        var ordered = tokens.OrderByDescending(t => t.Kind).ToList();
        var (firstKind, firstAlternatives) = ordered[0];
        var ids = firstAlternatives
            .Select(hash => db.SearchTokens.Where(t => t.Kind == firstKind && t.Hash == hash).Select(t => t.PersonId))
            .Aggregate(Queryable.Union);
        foreach (var (kind, alternatives) in ordered.Skip(1))
        {
            ids = ids.Where(HasToken(kind, alternatives));
        }
        return ids.Where(id => db.People.Any(p => p.Id == id && p.MergedIntoId == null));
    }

    /// <summary>
    /// id => the person has a token of <paramref name="kind"/> with one of these hashes, written as one
    /// EXISTS per hash so that each is a lookup of the (kind, hash, person) key.
    /// </summary>
    private Expression<Func<Guid, bool>> HasToken(SearchKind kind, byte[][] alternatives)
    {
        var id = Expression.Parameter(typeof(Guid), "id");
        Expression? any = null;
        foreach (var hash in alternatives)
        {
            Expression<Func<Guid, bool>> one = x => db.SearchTokens.Any(t => t.Kind == kind && t.Hash == hash && t.PersonId == x);
            var body = new ParameterSwap(one.Parameters[0], id).Visit(one.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        return Expression.Lambda<Func<Guid, bool>>(any!, id);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
