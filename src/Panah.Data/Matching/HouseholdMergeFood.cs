using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Food;

namespace Panah.Data.Matching;

/// <summary>What a household merge did to one food row of the folded household.</summary>
public enum MergeFoodChange
{
    /// <summary>An open entitlement moved to the surviving household, which had none in that cycle.</summary>
    EntitlementMoved = 1,

    /// <summary>An open entitlement cancelled: the surviving household has its own in that cycle.</summary>
    EntitlementCancelled = 2,

    /// <summary>An active card revoked.</summary>
    CardRevoked = 3,
}

/// <summary>One food row a household merge changed, and how it was before, for the undo. Ids and enums only.</summary>
public sealed class HouseholdMergeFoodChange
{
    public long Id { get; set; }
    public Guid HouseholdDuplicateId { get; set; }
    public MergeFoodChange Change { get; set; }

    /// <summary>The entitlement or card changed.</summary>
    public Guid RowId { get; set; }
    public int StatusBefore { get; set; }
    public string? ReasonBefore { get; set; }
    public int FieldOfficeBefore { get; set; }
}

internal sealed class HouseholdMergeFoodChangeConfiguration : IEntityTypeConfiguration<HouseholdMergeFoodChange>
{
    public void Configure(EntityTypeBuilder<HouseholdMergeFoodChange> e)
    {
        e.HasIndex(x => x.HouseholdDuplicateId);
        e.Property(x => x.ReasonBefore).HasMaxLength(EntitlementLifecycle.MaxReasonLength);
        e.HasOne<HouseholdDuplicate>().WithMany().HasForeignKey(x => x.HouseholdDuplicateId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The folded household's food when a household merge folds it into the surviving one. One family is one household
/// collecting once per cycle, so: an open entitlement (draft or approved) moves to the surviving household when that
/// household has none in the cycle (the family still collects what it is due, and the row keeps its id, items and
/// collections), and is cancelled with a reason when it has one (the family was counted twice); every active card is
/// revoked (a second card for one family is a second collection; the surviving household's card serves, and a card is
/// reissued from the cards page if it has none). Nothing is deleted: redemptions keep pointing at their entitlement and
/// household, so history stays resolvable, and the undo puts every row back as it was. Read past the reviewer's
/// need-to-know scope (audited): a reviewer without food access must not leave a family's food behind.
/// </summary>
public sealed class HouseholdMergeFood(PanahDbContext db, UnscopedReads unscoped, TimeProvider clock)
{
    public const string Reason = "household merge";

    /// <summary>Stages the changes on tracked rows and their records; the caller saves.</summary>
    public async Task StageAsync(HouseholdDuplicate d, HouseholdRecord home, HouseholdRecord other, List<AuditEvent> events, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Both reads before any change: an audited unscoped read saves the context.
        var entitlements = await unscoped.AllAsync<Entitlement>("household-merge", ct);
        var allCards = await unscoped.AllAsync<FoodCard>("household-merge", ct);
        var open = await entitlements.Where(e => e.HouseholdId == other.Id && (e.Status == EntitlementStatus.Draft || e.Status == EntitlementStatus.Approved)).ToListAsync(ct);
        var cycles = open.Select(e => e.CycleId).ToList();
        var homeCycles = (await entitlements.Where(e => e.HouseholdId == home.Id && cycles.Contains(e.CycleId)).Select(e => e.CycleId).ToListAsync(ct)).ToHashSet();
        var cards = await allCards.Where(c => c.HouseholdId == other.Id && c.Status == CardStatus.Active).ToListAsync(ct);
        foreach (var e in open)
        {
            var change = new HouseholdMergeFoodChange { HouseholdDuplicateId = d.Id, RowId = e.Id, StatusBefore = (int)e.Status, ReasonBefore = e.StatusReason, FieldOfficeBefore = e.FieldOfficeId };
            if (homeCycles.Contains(e.CycleId))
            {
                change.Change = MergeFoodChange.EntitlementCancelled;
                e.Status = EntitlementStatus.Cancelled;
                e.StatusReason = Reason;
                events.Add(new AuditEvent("food.entitlement.cancel", "entitlement", e.Id.ToString(), $"cause=household-merge merge={d.Id}"));
            }
            else
            {
                change.Change = MergeFoodChange.EntitlementMoved;
                e.HouseholdId = home.Id;
                e.FieldOfficeId = home.FieldOfficeId;
                events.Add(new AuditEvent("food.entitlement.move", "entitlement", e.Id.ToString(), $"from={other.Id} to={home.Id} cause=household-merge"));
            }
            Touch(e, now);
            db.HouseholdMergeFoodChanges.Add(change);
        }
        foreach (var card in cards)
        {
            db.HouseholdMergeFoodChanges.Add(new HouseholdMergeFoodChange
            {
                HouseholdDuplicateId = d.Id, Change = MergeFoodChange.CardRevoked, RowId = card.Id, StatusBefore = (int)card.Status, FieldOfficeBefore = card.FieldOfficeId,
            });
            card.Status = CardStatus.Revoked;
            card.RevokedAt = now;
            card.RevokedReason = Reason;
            card.Version++;
            events.Add(new AuditEvent("food.card.revoke", "card", card.Id.ToString(), $"cause=household-merge merge={d.Id}"));
        }
    }

    /// <summary>Stages the undo: every row back in the folded household as it was. A row changed since (collected in full, reissued) stays as it is now.</summary>
    public async Task StageUndoAsync(HouseholdDuplicate d, HouseholdRecord other, List<AuditEvent> events, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var allEntitlements = await unscoped.AllAsync<Entitlement>("household-unmerge", ct);
        var allCards = await unscoped.AllAsync<FoodCard>("household-unmerge", ct);
        var changes = await db.HouseholdMergeFoodChanges.Where(c => c.HouseholdDuplicateId == d.Id).ToListAsync(ct);
        var ids = changes.Select(c => c.RowId).ToList();
        var entitlements = await allEntitlements.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var cards = await allCards.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var c in changes)
        {
            if (c.Change == MergeFoodChange.CardRevoked && cards.TryGetValue(c.RowId, out var card) && card is { Status: CardStatus.Revoked, RevokedReason: Reason })
            {
                card.Status = (CardStatus)c.StatusBefore;
                card.RevokedAt = null;
                card.RevokedReason = null;
                card.Version++;
                events.Add(new AuditEvent("food.card.restore", "card", card.Id.ToString(), $"cause=household-unmerge merge={d.Id}"));
            }
            else if (c.Change == MergeFoodChange.EntitlementCancelled && entitlements.TryGetValue(c.RowId, out var cancelled) && cancelled is { Status: EntitlementStatus.Cancelled, StatusReason: Reason })
            {
                cancelled.Status = (EntitlementStatus)c.StatusBefore;
                cancelled.StatusReason = c.ReasonBefore;
                Touch(cancelled, now);
                events.Add(new AuditEvent("food.entitlement.restore", "entitlement", cancelled.Id.ToString(), $"cause=household-unmerge merge={d.Id}"));
            }
            else if (c.Change == MergeFoodChange.EntitlementMoved && entitlements.TryGetValue(c.RowId, out var moved))
            {
                moved.HouseholdId = other.Id;
                moved.FieldOfficeId = c.FieldOfficeBefore;
                Touch(moved, now);
                events.Add(new AuditEvent("food.entitlement.move", "entitlement", moved.Id.ToString(), $"from={d.HouseholdId} to={other.Id} cause=household-unmerge"));
            }
        }
        db.HouseholdMergeFoodChanges.RemoveRange(changes);
    }

    private static void Touch(Entitlement e, DateTimeOffset now)
    {
        e.UpdatedAt = now;
        e.Version++;
    }
}
