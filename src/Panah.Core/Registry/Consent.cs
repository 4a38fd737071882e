namespace Panah.Core.Registry;

/// <summary>
/// Purposes personal data is processed for; each has a legal basis (<see cref="ConsentRules"/>), and consent,
/// where that is the basis, is recorded per purpose.
/// </summary>
public enum ConsentPurpose
{
    Registration = 1,
    FoodAssistance = 2,
    Education = 3,
    Protection = 4,

    /// <summary>Sharing with partner organisations.</summary>
    DataSharing = 5,

    /// <summary>SMS and messenger reminders and news.</summary>
    Messaging = 6,
}

/// <summary>Consent given for one purpose, with the notice version and an optional witness; withdrawal keeps the record.</summary>
public sealed record Consent(
    ConsentPurpose Purpose,
    DateOnly GivenOn,
    string NoticeVersion,
    string? Witness = null,
    DateOnly? WithdrawnOn = null);
