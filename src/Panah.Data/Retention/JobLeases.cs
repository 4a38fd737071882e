using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Retention;

/// <summary>
/// Takes and gives back a <see cref="JobLease"/>: a conditional update of one row, which both databases perform
/// atomically, so two nodes asking at the same moment cannot both get it. A node that dies holding a lease loses it
/// when the lease runs out.
/// </summary>
public sealed class JobLeases(PanahDbContext db, TimeProvider clock)
{
    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> for <paramref name="length"/>.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan length, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var until = now + length.Ticks;
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.UntilTicks <= now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.UntilTicks, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, UntilTicks = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node created the row first: theirs.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken ct = default) =>
        db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.UntilTicks, 0L), ct);
}
