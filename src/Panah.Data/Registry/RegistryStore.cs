using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Matching;

namespace Panah.Data.Registry;

/// <summary>
/// Registers (RegistryStore.Registration.cs), reads (RegistryStore.Queries.cs) and edits (RegistryStore.Edits.cs,
/// RegistryStore.Members.cs) households and people; search is <see cref="RegistrySearch"/>. Personal fields are
/// sealed on the way in and opened on the way out; every read and every change is audited. Rows come through
/// the request's <see cref="AccessScope"/> (the context's filter), and every view that leaves is cut to the
/// scope's fields.
/// </summary>
public sealed partial class RegistryStore(
    PanahDbContext db, RegistrySealer sealer, SearchTokenizer tokenizer, AuditLog audit, RegistryMatchIndex matchIndex, ListCounts counts, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private AccessScope Scope => db.Scope;

    /// <summary>The full view, for the store's own use (the match index); what leaves the store is cut by <see cref="Shown(PersonView)"/>.</summary>
    private PersonView ToView(PersonRecord p, HouseholdRecord h)
    {
        var (details, erasedAt) = sealer.OpenPersonOrTombstone(p);
        return new(p.Id, p.HouseholdId, h.Code, h.District, p.Version, details, p.MergedIntoId, erasedAt)
        {
            AgeGroup = p.BirthYear is { } year ? AgeGroups.FromAge(Today.Year - year) : null,
        };
    }

    private PersonView Shown(PersonView v) => v.Cut(Scope.Fields);

    private HouseholdView Shown(HouseholdView v) => v.Cut(Scope.Fields);

    /// <summary>The person's name; null once they are erased.</summary>
    private PersonName? OpenName(PersonRecord p) => p.Key is { } key && !key.IsErased() ? RegistrySealer.OpenPerson(sealer.OpenKey(key), p).Name : null;

    private void Index(HouseholdView h)
    {
        foreach (var m in h.Members.Where(m => m.MergedIntoId is null && !m.IsErased))
        {
            matchIndex.Upsert(m.Id, m.Details, h.Details.Address, h.Id);
        }
    }

    private static (int Page, int Size) Clamp(int page, int size) => (Math.Max(page, 1), Math.Clamp(size, 1, MaxPageSize));

    // A page number past the last shows the last page and says so; it also keeps (page - 1) * size from overflowing.
    private static int WithinLast(int page, int size, int total) => Math.Min(page, Paging.PageCount(total, size));
}
