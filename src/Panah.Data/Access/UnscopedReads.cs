using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;

namespace Panah.Data.Access;

/// <summary>
/// The one way past the access filter: bulk readers that must see the whole registry (the match index, the
/// duplicate run, the online duplicate check) switch the filter off by name here, and the audit log records
/// that they did and why. Nothing else calls <c>IgnoreQueryFilters</c> on a personal entity.
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
}
