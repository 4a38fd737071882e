using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;

namespace Panah.Data.Alerts;

/// <summary>Raises and resolves alerts for the data protection officer. Raising is audited with the change it reports.</summary>
public sealed class AlertLog(PanahDbContext db, AuditLog audit, IActor actor, TimeProvider clock)
{
    /// <summary>Adds an alert and saves it with any pending changes of this request, audited.</summary>
    public async Task<Alert> RaiseAsync(string kind, string? staffUserId, string? detail, CancellationToken ct = default)
    {
        var alert = new Alert { Kind = kind, StaffUserId = staffUserId, Detail = detail, RaisedAt = clock.GetUtcNow() };
        db.Alerts.Add(alert);
        await audit.SaveAsync(db, new AuditEvent("alert.raise", "alert", null, $"kind={kind}"), ct);
        return alert;
    }

    public Task<List<Alert>> OpenAsync(CancellationToken ct = default) =>
        db.Alerts.AsNoTracking().Where(a => a.ResolvedAt == null).OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);

    /// <summary>Marks an alert dealt with; returns false if it does not exist or was already resolved.</summary>
    public async Task<bool> ResolveAsync(long id, CancellationToken ct = default)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == id && a.ResolvedAt == null, ct);
        if (alert is null)
        {
            return false;
        }
        alert.ResolvedAt = clock.GetUtcNow();
        alert.ResolvedBy = actor.Id;
        await audit.SaveAsync(db, new AuditEvent("alert.resolve", "alert", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
        return true;
    }
}
