namespace Panah.Core.Registry;

/// <summary>Consent changes from a form of ticked purposes, without losing what was recorded before.</summary>
public static class ConsentHistory
{
    /// <summary>
    /// Keeps every earlier consent as it was; a purpose no longer ticked is withdrawn on <paramref name="today"/>;
    /// a newly ticked purpose (or one ticked again after withdrawal) is given on <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<Consent> Apply(IReadOnlyList<Consent> before, IEnumerable<ConsentPurpose> ticked, DateOnly today, string noticeVersion)
    {
        var wanted = ticked.ToHashSet();
        var result = before
            .Select(c => c.WithdrawnOn is null && !wanted.Contains(c.Purpose) ? c with { WithdrawnOn = today } : c)
            .ToList();
        foreach (var purpose in wanted.Where(p => !result.Any(c => c.Purpose == p && c.WithdrawnOn is null)))
        {
            result.Add(new Consent(purpose, today, noticeVersion));
        }
        return result;
    }
}
