namespace Panah.Core.Protection;

/// <summary>
/// Protection case management's configuration (section <c>Panah:Protection</c>): how long each task may take by
/// the case's risk level, e.g. <c>Panah:Protection:Due:Assessment:High = 1.00:00:00</c>. Each default names its source.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Panah:Protection";

    /// <summary>A referral with no answer after this long is stale (Primero's default: 14 days).</summary>
    public TimeSpan StaleReferral { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The defaults, task kind × risk level (high, medium, low).</summary>
    public static IReadOnlyDictionary<CaseTaskKind, (TimeSpan High, TimeSpan Medium, TimeSpan Low)> Defaults { get; } =
        new Dictionary<CaseTaskKind, (TimeSpan, TimeSpan, TimeSpan)>
        {
            // Primero: a case is assigned within 3 hours, 1 hour when high risk (low risk: the same 3 hours).
            [CaseTaskKind.Assignment] = (TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(3)),
            // Local practice: assess a high-risk case within a day, others within 3 and 7 days.
            [CaseTaskKind.Assessment] = (TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)),
            // Local practice: a case plan within 3, 7 and 14 days of the assessment.
            [CaseTaskKind.CasePlan] = (TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(14)),
            // Primero: a referral (service) is stale after 14 days; local practice shortens it for higher risk.
            [CaseTaskKind.Service] = (TimeSpan.FromDays(3), TimeSpan.FromDays(7), TimeSpan.FromDays(14)),
            // Local practice: follow up weekly, fortnightly, monthly.
            [CaseTaskKind.FollowUp] = (TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(30)),
        };

    private readonly Dictionary<(CaseTaskKind, RiskLevel), TimeSpan> offsets = Defaults
        .SelectMany(d => new[] { ((d.Key, RiskLevel.High), d.Value.High), ((d.Key, RiskLevel.Medium), d.Value.Medium), ((d.Key, RiskLevel.Low), d.Value.Low) })
        .ToDictionary(x => x.Item1, x => x.Item2);

    public TimeSpan Offset(CaseTaskKind kind, RiskLevel risk) => offsets[(kind, risk)];

    /// <summary>Replaces one default; a due time must lie in the future.</summary>
    public ProtectionOptions With(CaseTaskKind kind, RiskLevel risk, TimeSpan offset)
    {
        if (offset <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{Section}:Due:{kind}:{risk} must be positive.");
        }
        offsets[(kind, risk)] = offset;
        return this;
    }
}
