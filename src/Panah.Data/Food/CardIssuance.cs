using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Access;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>Why a card was revoked: a choice, never free text (a note could carry personal data onto the card row).</summary>
public enum CardRevocationReason
{
    Lost = 1,
    Stolen = 2,
    Damaged = 3,
    Other = 4,
}

public enum CardOutcomeKind
{
    Done,

    /// <summary>No such household or card in the caller's scope.</summary>
    NotFound,

    /// <summary>Issue: the household already holds an active card. Revoke: the card is already revoked.</summary>
    Unchanged,

    /// <summary>Reissue: a newer card of the household exists; reissue that one.</summary>
    Superseded,
}

public sealed record CardOutcome(CardOutcomeKind Kind, FoodCard? Card = null);

/// <summary>
/// Issuing, revoking and reissuing households' food cards, each saved with its audit entry (ids only). A
/// household holds at most one active card; a reissue revokes the old card and creates the next sequence in one
/// transaction, and the unique (household, sequence) index makes two reissues at once end with one new card.
/// </summary>
public sealed partial class CardIssuance(PanahDbContext db, AuditLog audit, ActingStaff staff, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <summary>A card for <paramref name="householdId"/> unless it already holds an active one (then that one, unchanged).</summary>
    public async Task<CardOutcome> IssueAsync(Guid householdId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var household = await db.Households.AsNoTracking().Where(h => h.Id == householdId)
                .Select(h => new { h.Id, h.FieldOfficeId }).SingleOrDefaultAsync(ct);
            if (household is null)
            {
                return new CardOutcome(CardOutcomeKind.NotFound);
            }
            var cards = await db.FoodCards.AsNoTracking().Where(c => c.HouseholdId == householdId).ToListAsync(ct);
            if (cards.FirstOrDefault(c => c.Status == CardStatus.Active) is { } active)
            {
                return new CardOutcome(CardOutcomeKind.Unchanged, active);
            }
            var card = NewCard(household.Id, household.FieldOfficeId, cards.Count == 0 ? 1 : cards.Max(c => c.Sequence) + 1);
            db.FoodCards.Add(card);
            if (await TrySaveAsync([Issued(card)], attempt, ct))
            {
                return new CardOutcome(CardOutcomeKind.Done, card);
            }
        }
    }

    /// <summary>Revokes the active card <paramref name="number"/>: it fails at every point from now on.</summary>
    public async Task<CardOutcome> RevokeAsync(string number, CardRevocationReason reason, CancellationToken ct)
    {
        var card = await FindAsync(number, ct);
        if (card is null || card.Status != CardStatus.Active)
        {
            return new CardOutcome(card is null ? CardOutcomeKind.NotFound : CardOutcomeKind.Unchanged, card);
        }
        Revoke(card, reason);
        try
        {
            await audit.SaveAsync(db, Revoked(card), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Revoked or reissued by someone else in the meantime: either way it no longer counts.
            db.ChangeTracker.Clear();
            return new CardOutcome(CardOutcomeKind.Unchanged, await FindAsync(number, ct));
        }
        return new CardOutcome(CardOutcomeKind.Done, card);
    }

    /// <summary>
    /// A new card (new number, new token, sequence + 1) in place of <paramref name="number"/>, which is revoked in
    /// the same transaction if it is still active. Only the household's latest card can be reissued.
    /// </summary>
    public async Task<CardOutcome> ReissueAsync(string number, CardRevocationReason reason, CancellationToken ct)
    {
        var old = await FindAsync(number, ct);
        if (old is null)
        {
            return new CardOutcome(CardOutcomeKind.NotFound);
        }
        if (await db.FoodCards.AnyAsync(c => c.HouseholdId == old.HouseholdId && c.Sequence > old.Sequence, ct))
        {
            return new CardOutcome(CardOutcomeKind.Superseded);
        }
        var events = new List<AuditEvent>();
        if (old.Status == CardStatus.Active)
        {
            Revoke(old, reason);
            events.Add(Revoked(old));
        }
        var card = NewCard(old.HouseholdId, old.FieldOfficeId, old.Sequence + 1);
        db.FoodCards.Add(card);
        events.Add(Issued(card) with { Detail = $"household={card.HouseholdId} sequence={card.Sequence} replaces={old.Id}" });
        try
        {
            await audit.SaveAsync(db, events, ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            // Another reissue of the same card won the unique (household, sequence) index or the old card's version.
            db.ChangeTracker.Clear();
            return new CardOutcome(CardOutcomeKind.Superseded);
        }
        return new CardOutcome(CardOutcomeKind.Done, card);
    }

    private async Task<FoodCard?> FindAsync(string number, CancellationToken ct) =>
        CardNumber.TryNormalize(number, out var normalized) ? await db.FoodCards.SingleOrDefaultAsync(c => c.Number == normalized, ct) : null;

    private void Revoke(FoodCard card, CardRevocationReason reason)
    {
        card.Status = CardStatus.Revoked;
        card.RevokedAt = clock.GetUtcNow();
        card.RevokedReason = reason.ToString();
        card.Version++;
    }

    private FoodCard NewCard(Guid householdId, int officeId, int sequence) => new()
    {
        // Random, not time-ordered: the id is in the QR token, which should not say when the card was made.
        Id = Guid.NewGuid(),
        Number = CardNumber.Create(RandomNumberGenerator.GetBytes(CardNumber.RandomLength)),
        HouseholdId = householdId,
        FieldOfficeId = officeId,
        Sequence = sequence,
        IssuedAt = clock.GetUtcNow(),
        IssuedBy = staff.Id,
    };

    private static AuditEvent Issued(FoodCard card) =>
        new("food.card.issue", "food-card", card.Id.ToString(), $"household={card.HouseholdId} sequence={card.Sequence}");

    private static AuditEvent Revoked(FoodCard card) =>
        new("food.card.revoke", "food-card", card.Id.ToString(), $"household={card.HouseholdId} reason={card.RevokedReason}");

    /// <summary>Saves; on a unique index conflict (a number drawn twice, or the same household issued at once) clears and says so, until the last attempt.</summary>
    private async Task<bool> TrySaveAsync(IReadOnlyList<AuditEvent> events, int attempt, CancellationToken ct)
    {
        try
        {
            await audit.SaveAsync(db, events, ct);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) && attempt < Attempts)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
