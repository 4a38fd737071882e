namespace Panah.Core.Registry;

public enum DocumentType
{
    /// <summary>Turkish citizen identity number (T.C. Kimlik No), 11 digits.</summary>
    TurkishCitizenId = 1,
    /// <summary>Foreigner identity number (Yabancı Kimlik No), 11 digits starting with 99.</summary>
    ForeignerId = 2,
    Passport = 3,
    ResidencePermit = 4,
}

/// <summary>Residence permit (ikamet) types and international protection status.</summary>
public enum ResidencePermitType
{
    ShortTerm = 1,
    Family = 2,
    Humanitarian = 3,
    LongTerm = 4,
    Student = 5,
    InternationalProtection = 6,
}

/// <summary>An identity or residence document.</summary>
public sealed record IdentityDocument(
    DocumentType Type,
    string Number,
    ResidencePermitType? PermitType = null,
    DateOnly? ExpiresOn = null)
{
    /// <summary>True when the document has an expiry date before <paramref name="today"/>.</summary>
    public bool IsExpiredOn(DateOnly today) => ExpiresOn is { } e && e < today;

    /// <summary>True when the document expires within <paramref name="days"/> days from <paramref name="today"/>.</summary>
    public bool ExpiresWithin(DateOnly today, int days) =>
        ExpiresOn is { } e && e >= today && e <= today.AddDays(days);
}
