using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Education;

/// <summary>A learner as a class list shows them: the name and contact phone as the reader's role may see them.</summary>
public sealed record LearnerContact(PersonName Name, string? Phone);

/// <summary>
/// Opens the names and phones of a class list's learners through the access scope (a person out of scope is not there)
/// and the field rules (a field the role may not see is hidden), with one audit entry naming everyone shown.
/// </summary>
public sealed class LearnerNames(PanahDbContext db, RegistrySealer sealer, AuditLog audit)
{
    public async Task<Dictionary<Guid, LearnerContact>> OpenAsync(IEnumerable<Guid> people, string action, string entity, string entityId, CancellationToken ct)
    {
        var ids = people.Distinct().ToList();
        var rows = await db.People.AsNoTracking().Include(p => p.Key).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var fields = db.Scope.Fields;
        var shown = rows.Where(p => !p.Key!.IsErased()).ToDictionary(p => p.Id, p =>
        {
            var details = RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p);
            return new LearnerContact(details.Name.CutName(fields), fields.Shows(RegistryFields.Phone) ? details.Phone : null);
        });
        if (shown.Count > 0)
        {
            await audit.SaveAsync(db, new AuditEvent(action, entity, entityId, $"shown={shown.Count}") { People = [.. shown.Keys] }, ct);
        }
        return shown;
    }
}
