namespace Panah.Core.Registry;

/// <summary>The grounds on which KVKK (Law 6698, articles 5 and 6) lets Panah process a person's data for a purpose.</summary>
public enum LegalBasis
{
    /// <summary>Explicit consent, recorded per purpose; it can be withdrawn at any time.</summary>
    Consent = 1,

    /// <summary>Needed to protect the life or bodily integrity of someone who cannot give consent.</summary>
    VitalInterest = 2,

    /// <summary>Needed for the organisation's legitimate interest without harming the person's rights.</summary>
    LegitimateInterest = 3,

    /// <summary>Needed to meet a legal obligation of the organisation.</summary>
    LegalObligation = 4,
}
