using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;

namespace Panah.Data.Access;

/// <summary>
/// The one way past the access filter: bulk readers that must see the whole registry (the match index, the
/// duplicate run, the online duplicate check) switch the filter off by name here, and the audit log records
/// that they did and why; tallies and bookkeeping across offices (held seats, a waitlist's ranking, the offer of a
/// freed seat) go through <see cref="AcrossOffices{T}"/>. Nothing else calls <c>IgnoreQueryFilters</c> on a personal entity.
/// </summary>
public sealed class UnscopedReads(PanahDbContext db, AuditLog audit)
{
    /// <summary>Every row of <typeparamref name="T"/>, whatever the request's scope; audited once with <paramref name="purpose"/>.</summary>
    public async Task<IQueryable<T>> AllAsync<T>(string purpose, CancellationToken ct = default) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        await audit.SaveAsync(db, new AuditEvent("access.unscoped", typeof(T).Name, null, $"purpose={purpose}"), ct);
        return db.Set<T>().IgnoreQueryFilters([AccessScope.FilterName]);
    }

    /// <summary>
    /// Every row of <typeparamref name="T"/> for a tally that must be the same for every reader (seats held in a
    /// section, the flags and dates a waitlist is ranked by) or bookkeeping a rule does whatever the reader's scope
    /// (offering a freed seat to the next applicant). Not audited, so a caller reads and sets ids, counts, states,
    /// flags and dates only: nothing sealed is opened and nothing that names anyone leaves the data layer from here.
    /// </summary>
    public static IQueryable<T> AcrossOffices<T>(PanahDbContext db) where T : class =>
        db.Set<T>().IgnoreQueryFilters([AccessScope.FilterName]);
}
