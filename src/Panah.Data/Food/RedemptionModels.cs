using Panah.Core.Food;

namespace Panah.Data.Food;

/// <summary>
/// A clerk's collection as asked: the entitlement, who collected, optionally the packs handed over (default: all
/// still due), the point (default: the clerk's only point serving the cycle) and the card shown, and the client's key.
/// </summary>
public sealed record RedemptionRequest(
    Guid EntitlementId, Guid CollectedBy, IReadOnlyList<PacksHanded>? Items, int? LocationId, string? Card, string IdempotencyKey);

/// <summary>A recorded collection, as the API and the page show it: only what the row holds, so a replay shows the same.</summary>
public sealed record RedemptionView(
    Guid Id, Guid EntitlementId, int Round, Guid CollectedBy, int LocationId, string Point, DateTimeOffset At, IReadOnlyList<PacksHanded> Items);

/// <summary>A distribution point a clerk may work at.</summary>
public sealed record PointView(int Id, string Code, string Name);

/// <summary>When, where and by which clerk an entitlement was last collected.</summary>
public sealed record CollectedView(DateTimeOffset At, int LocationId, string Point, string? Clerk);

/// <summary>What became of a redemption request.</summary>
public abstract record RedemptionOutcome
{
    /// <summary>Recorded now, or earlier under the same idempotency key.</summary>
    public sealed record Redeemed(RedemptionView Redemption) : RedemptionOutcome;

    /// <summary>Nothing is left to collect: the last collection.</summary>
    public sealed record AlreadyCollected(CollectedView Last) : RedemptionOutcome;

    /// <summary>A collection rule or the entitlement's state refuses it (a message key).</summary>
    public sealed record Refused(string Code) : RedemptionOutcome;

    /// <summary>The request itself is wrong: <paramref name="Field"/> and a message key.</summary>
    public sealed record Invalid(string Field, string Code) : RedemptionOutcome;

    /// <summary>The entitlement or the point is not there for this clerk (unknown or outside their offices).</summary>
    public sealed record NotFound : RedemptionOutcome;
}
