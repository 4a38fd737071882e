namespace Panah.Core.Registry;

/// <summary>Consent changes from a form (or an API body) of the consents in force, without losing what was recorded before.</summary>
public static class ConsentHistory
{
    /// <summary>
    /// Keeps every earlier consent as it was; a purpose no longer in <paramref name="inForce"/> is withdrawn on
    /// <paramref name="today"/> (withdrawal takes effect at once, it cannot be dated); a purpose newly in force (or in
    /// force again after withdrawal) is added as given in <paramref name="inForce"/>. Entries of <paramref name="inForce"/>
    /// that carry a withdrawal date are not in force.
    /// </summary>
    public static IReadOnlyList<Consent> Apply(IReadOnlyList<Consent> before, IEnumerable<Consent> inForce, DateOnly today)
    {
        var wanted = inForce.Where(c => c.WithdrawnOn is null).DistinctBy(c => c.Purpose).ToList();
        var result = before
            .Select(c => c.WithdrawnOn is null && !wanted.Any(w => w.Purpose == c.Purpose) ? c with { WithdrawnOn = today } : c)
            .ToList();
        result.AddRange(wanted.Where(w => !result.Any(c => c.Purpose == w.Purpose && c.WithdrawnOn is null)));
        return result;
    }

    /// <summary>The purposes withdrawn and given between two histories: what the audit records (purposes only, never the witness).</summary>
    public static (IReadOnlyList<ConsentPurpose> Withdrawn, IReadOnlyList<ConsentPurpose> Given) Changes(IReadOnlyList<Consent> before, IReadOnlyList<Consent> after)
    {
        var was = before.Where(c => c.WithdrawnOn is null).Select(c => c.Purpose).ToHashSet();
        var now = after.Where(c => c.WithdrawnOn is null).Select(c => c.Purpose).ToHashSet();
        return (was.Except(now).Order().ToList(), now.Except(was).Order().ToList());
    }
}
