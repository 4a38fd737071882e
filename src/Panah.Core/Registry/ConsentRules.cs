namespace Panah.Core.Registry;

/// <summary>
/// The legal basis of each purpose, and the one question every feature asks before it uses a person's data:
/// <see cref="MayUse"/> ("may I message this person?"). Bases that the law or Panah's own rules settle are fixed;
/// the others are local practice and may be configured.
/// </summary>
public sealed class ConsentRules
{
    /// <summary>
    /// Settled, not configurable: keeping someone in the registry needs their consent (Panah's rule); protection work
    /// handles special categories of data (health, ethnicity), which KVKK article 6 lets be processed on explicit
    /// consent; and sharing with partners is a transfer to third parties (article 8), the step most open to
    /// compelled or careless disclosure, so it never rests on anything but the person's own consent.
    /// </summary>
    public static readonly IReadOnlyDictionary<ConsentPurpose, LegalBasis> Fixed = new Dictionary<ConsentPurpose, LegalBasis>
    {
        [ConsentPurpose.Registration] = LegalBasis.Consent,
        [ConsentPurpose.Protection] = LegalBasis.Consent,
        [ConsentPurpose.DataSharing] = LegalBasis.Consent,
    };

    /// <summary>
    /// Local practice, with defaults: food assistance rests on the legitimate interest of an aid programme (vital
    /// interest, under KVKK, covers only someone unable to consent, so it cannot be a programme's default);
    /// education and messaging on consent.
    /// </summary>
    public static readonly IReadOnlyDictionary<ConsentPurpose, LegalBasis> LocalDefaults = new Dictionary<ConsentPurpose, LegalBasis>
    {
        [ConsentPurpose.FoodAssistance] = LegalBasis.LegitimateInterest,
        [ConsentPurpose.Education] = LegalBasis.Consent,
        [ConsentPurpose.Messaging] = LegalBasis.Consent,
    };

    private readonly Dictionary<ConsentPurpose, LegalBasis> bases;

    /// <summary>The fixed bases and the local defaults.</summary>
    public static ConsentRules Default { get; } = new(new Dictionary<ConsentPurpose, LegalBasis>());

    /// <summary>The fixed bases, the local defaults and <paramref name="configured"/> over them.</summary>
    /// <exception cref="ArgumentException">A fixed purpose is configured, or food assistance is made to depend on consent.</exception>
    public ConsentRules(IReadOnlyDictionary<ConsentPurpose, LegalBasis> configured)
    {
        bases = Fixed.Concat(LocalDefaults).ToDictionary();
        foreach (var (purpose, basis) in configured)
        {
            if (Fixed.TryGetValue(purpose, out var settled) && settled != basis)
            {
                throw new ArgumentException($"The legal basis of {purpose} is {settled} and cannot be configured.", nameof(configured));
            }
            // Food must never wait on an optional consent: refusing one may not cost a family its food.
            if (purpose == ConsentPurpose.FoodAssistance && basis == LegalBasis.Consent)
            {
                throw new ArgumentException("Food assistance cannot rest on consent: refusing optional consent never blocks food assistance.", nameof(configured));
            }
            bases[purpose] = basis;
        }
    }

    public LegalBasis BasisOf(ConsentPurpose purpose) => bases[purpose];

    /// <summary>
    /// Whether the person's data may be used for <paramref name="purpose"/> on <paramref name="today"/>: always when the
    /// basis is not consent; otherwise only with a consent for that purpose given by today and not withdrawn
    /// (a withdrawal dated today already counts: it takes effect at once).
    /// </summary>
    public bool MayUse(IReadOnlyList<Consent> consents, ConsentPurpose purpose, DateOnly today) =>
        BasisOf(purpose) != LegalBasis.Consent || InForce(consents, purpose, today);

    private static bool InForce(IReadOnlyList<Consent> consents, ConsentPurpose purpose, DateOnly today) =>
        consents.Any(c => c.Purpose == purpose && c.GivenOn <= today && (c.WithdrawnOn is null || c.WithdrawnOn > today));
}
