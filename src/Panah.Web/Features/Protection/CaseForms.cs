using Panah.Data.Protection;

namespace Panah.Web.Features.Protection;

/// <summary>The case page's forms (one per section), bound by the handler that posts them.</summary>
public sealed class PlanItemForm
{
    public string? Goal { get; set; }
    public string? Action { get; set; }
    public string? Who { get; set; }
    public DateOnly? DueOn { get; set; }
}

public sealed class ServiceForm
{
    public string? Type { get; set; }
    public DateOnly? ProvidedOn { get; set; }
    public string? Note { get; set; }
}

public sealed class ReferralForm
{
    /// <summary>The partner and the service, as <c>{partnerId}:{service}</c> (one choice in the form).</summary>
    public string? Choice { get; set; }

    public int PartnerId => int.TryParse(Choice?.Split(':')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;
    public string Service => Choice?.Split(':', 2) is [_, var service] ? service.Trim().ToLowerInvariant() : "";
    public List<string> Fields { get; set; } = [];

    /// <summary>The worker confirms the person agreed to this referral (the registry's consent is checked besides).</summary>
    public bool ConsentConfirmed { get; set; }
    public string? OverrideReason { get; set; }
}

/// <summary>A step of a referral (its id is the page's <c>ItemId</c>): the button pressed, and the reason a rejection needs.</summary>
public sealed class ReferralStepForm
{
    public Panah.Core.Protection.ReferralStep? Action { get; set; }
    public string? Reason { get; set; }
}

public sealed class TransferForm
{
    public string? ToId { get; set; }
    public string? Reason { get; set; }
    public Guid TransferId { get; set; }
    public bool Accept { get; set; }
}

public sealed class TracingForm
{
    public string? Given { get; set; }
    public string? Family { get; set; }
    public string? Father { get; set; }
    public string? OtherSpellings { get; set; }
    public string? Relation { get; set; }
    public string? LastKnownPlace { get; set; }

    public TracingInput ToInput() => new(Given, Family, Father,
        (OtherSpellings ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Relation, LastKnownPlace);
}

public static class CaseModelForms
{
    public sealed class Assessment
    {
        public string? Needs { get; set; }
        public string? Risks { get; set; }
        public string? Strengths { get; set; }
        public string? CareArrangement { get; set; }
        public bool BestInterests { get; set; }
        public BidReason? BidRequired { get; set; }

        public AssessmentInput ToInput() => new(new AssessmentDetails(Needs, Risks, Strengths, CareArrangement), BestInterests, BidRequired);
    }
}
