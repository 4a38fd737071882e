using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Protection;
using Panah.Data.Protection;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Protection;

/// <summary>
/// <c>/api/v1/protection</c>: the partner directory, and a case's referrals and transfers. Consent is checked before
/// every referral and transfer (or overridden by the case's supervisor, audited); a case outside the scope is 404.
/// </summary>
public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/protection").WithTags("Protection").RequireAuthorization(Policies.Protection);
        read.MapGet("/cases/{id:guid}/referrals", async Task<Results<Ok<List<ReferralDto>>, NotFound>> (Guid id, CaseReferrals referrals, CancellationToken ct) =>
            await referrals.OfCaseAsync(id, ct) is { } list ? TypedResults.Ok(list.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithName("ListCaseReferrals");
        read.MapGet("/cases/{id:guid}/transfers", async Task<Results<Ok<List<TransferDto>>, NotFound>> (Guid id, CaseTransfers transfers, CancellationToken ct) =>
            await transfers.OfCaseAsync(id, ct) is { } list ? TypedResults.Ok(list.Select(ToDto).ToList()) : TypedResults.NotFound())
            .WithName("ListCaseTransfers");

        var work = app.MapGroup("/api/v1/protection").WithTags("Protection").RequireAuthorization(Policies.ProtectionWork);
        work.MapGet("/partners", async (PartnerDirectory partners, CancellationToken ct) => TypedResults.Ok((await partners.ListAsync(ct)).Select(ToDto).ToList()))
            .WithName("ListPartners");
        work.MapGet("/partners/{id:int}", async Task<Results<Ok<PartnerDto>, NotFound>> (int id, PartnerDirectory partners, CancellationToken ct) =>
            await partners.GetAsync(id, ct) is { } p ? TypedResults.Ok(ToDto(p)) : TypedResults.NotFound())
            .WithName("GetPartner");
        work.MapPost("/partners", (PartnerBody body, PartnerDirectory partners, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ProtectionApi.Act(async () => ToDto(await partners.AddAsync(Input(body), ct)), l, created: true))
            .WithName("AddPartner");
        work.MapPut("/partners/{id:int}", (int id, PartnerBody body, PartnerDirectory partners, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            ProtectionApi.Act(async () => await partners.UpdateAsync(id, Input(body), ct) is { } p ? ToDto(p) : null, l))
            .WithName("UpdatePartner");
        work.MapPost("/cases/{id:guid}/referrals", Refer).WithName("ReferCase");
        work.MapPost("/cases/{id:guid}/referrals/{referralId:guid}/steps", Step).WithName("StepCaseReferral");
        work.MapPost("/cases/{id:guid}/transfers", Offer).WithName("OfferCaseTransfer");
        work.MapPost("/cases/{id:guid}/transfers/{transferId:guid}/answer", (Guid id, Guid transferId, TransferAnswerBody body, CaseTransfers transfers, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            body.Accept is not { } accept
                ? Task.FromResult<IResult>(ProtectionApi.Invalid("accept", "Protection.DecisionRequired", l))
                : ProtectionApi.Act(async () => await transfers.AnswerAsync(id, transferId, accept, body.Reason, ct) is { } t ? ToDto(t) : null, l))
            .WithName("AnswerCaseTransfer");
        return app;
    }

    private static Task<IResult> Refer(Guid id, ReferralBody body, CaseReferrals referrals, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Version is not { } version || body.PartnerId is not { } partner || string.IsNullOrWhiteSpace(body.Service))
        {
            return Task.FromResult<IResult>(ProtectionApi.Invalid(body.Version is null ? "version" : body.PartnerId is null ? "partnerId" : "service", "Protection.ReferralIncomplete", l));
        }
        var input = new ReferInput(partner, body.Service.Trim().ToLowerInvariant(), body.Fields ?? [], body.ConsentOverrideReason);
        return ProtectionApi.Act(async () => await referrals.ReferAsync(id, version, input, ct) is { } r ? ToDto(r) : null, l, created: true);
    }

    private static Task<IResult> Step(Guid id, Guid referralId, ReferralStepBody body, CaseReferrals referrals, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!Enum.TryParse<ReferralStep>(body.Step, true, out var step) || !Enum.IsDefined(step))
        {
            return Task.FromResult<IResult>(ProtectionApi.Invalid("step", "Protection.ReferralStepInvalid", l));
        }
        return ProtectionApi.Act(async () => await referrals.StepAsync(id, referralId, step, body.Reason, ct, body.Version) is { } r ? ToDto(r) : null, l);
    }

    private static Task<IResult> Offer(Guid id, TransferBody body, CaseTransfers transfers, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Version is not { } version || string.IsNullOrWhiteSpace(body.ToId))
        {
            return Task.FromResult<IResult>(ProtectionApi.Invalid(body.Version is null ? "version" : "toId", "Protection.TransferIncomplete", l));
        }
        return ProtectionApi.Act(async () => await transfers.OfferAsync(id, version, body.ToId, body.Reason, body.ConsentOverrideReason, ct) is { } t ? ToDto(t) : null, l, created: true);
    }

    private static PartnerInput Input(PartnerBody b) => new(b.Name ?? "", b.Services ?? [], b.DeskEmail, b.DeskPhone, b.Active ?? true);

    private static PartnerDto ToDto(Partner p) => new(p.Id, p.Name, p.ServiceList, p.DeskEmail, p.DeskPhone, p.Active);

    private static ReferralDto ToDto(ReferralView r) => new(r.Id, r.PartnerId, r.Service, r.Status.ToString(), r.SharedFields, r.ReferredAt, r.AnsweredAt, r.Stale,
        r.ConsentOverridden, r.Content.Shared, r.Content.OverrideReason, r.Content.RejectionReason);

    private static TransferDto ToDto(TransferView t) => new(t.Id, t.FromId, t.ToId, t.Status.ToString(), t.RequestedAt, t.AnsweredAt, t.ConsentOverridden,
        t.Reasons.Request, t.Reasons.OverrideReason, t.Reasons.RejectionReason);
}
