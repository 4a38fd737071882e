namespace Panah.Data.Education;

/// <summary>
/// A seat cannot be given or taken, for a reason the coordinator must hear (a resource key): the section is full, the
/// crèche is, the applicant has no education consent, is no longer waiting, or the section does not suit them.
/// </summary>
public sealed class EnrolmentRefusedException(string code) : Exception(code)
{
    public const string SectionFull = "Education.SectionFull";
    public const string CrecheFull = "Education.CrecheFull";
    public const string ConsentMissing = "Education.ConsentMissing";
    public const string NotWaiting = "Education.NotWaiting";
    public const string Unsuited = "Education.Unsuited";
    public const string NotOffered = "Education.NotOffered";

    public string Code { get; } = code;

    /// <summary>Someone else acted first (the seat, the applicant or the offer changed): answered as a conflict.</summary>
    public bool IsConflict => Code is SectionFull or CrecheFull or NotWaiting or NotOffered;
}
