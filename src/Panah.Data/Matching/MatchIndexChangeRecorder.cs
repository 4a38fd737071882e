using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Panah.Data.Entities;

namespace Panah.Data.Matching;

/// <summary>
/// Writes a <see cref="MatchIndexChange"/> for every person row a save adds, changes or deletes, in that same save, so
/// no code path that changes a person can forget to tell the other app nodes. The ids it wrote are remembered as
/// this node's own: the code that made the change has updated this node's index already.
/// </summary>
public sealed class MatchIndexChangeRecorder(MatchIndexCursor cursor, TimeProvider clock) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<MatchIndexChange>> written = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NoteOwn(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NoteOwn(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        // Entries() detects property changes first (SaveChanges would only do so after this interceptor).
        var changed = context.ChangeTracker.Entries<PersonRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id).Distinct().ToList();
        if (changed.Count == 0)
        {
            return;
        }
        var rows = written.GetOrCreateValue(context);
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var id in changed.Where(id => !rows.Exists(r => r.PersonId == id)))
        {
            var row = new MatchIndexChange { PersonId = id, At = at };
            rows.Add(row);
            context.Set<MatchIndexChange>().Add(row);
        }
    }

    private void NoteOwn(DbContext? context)
    {
        if (context is null || !written.TryGetValue(context, out var rows))
        {
            return;
        }
        foreach (var row in rows)
        {
            cursor.NoteOwn(row.Id);
            // Done with: a later save of the same context writes its own rows.
            context.Entry(row).State = EntityState.Detached;
        }
        written.Remove(context);
    }
}
