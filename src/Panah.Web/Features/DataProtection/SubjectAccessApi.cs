using Microsoft.AspNetCore.Http.HttpResults;
using Panah.Core.Registry;
using Panah.Data.DataProtection;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.DataProtection;

/// <summary>A legal basis for one purpose, and whether the person's data may be used for it today.</summary>
public sealed record PurposeDto([property: OneOf<ConsentPurpose>] string Purpose, [property: OneOf<LegalBasis>] string LegalBasis, bool MayUse);

public sealed record SubjectHouseholdDto(
    Guid Id, string Code, string FieldOffice, string District, string? Neighbourhood, string? Address, string? Phone,
    [property: OneOf<HouseholdStatus>] string Status, DateOnly RegisteredOn, [property: OneOf<Relationship>] IReadOnlyList<string> OtherMembers);

public sealed record SubjectDuplicateReviewDto(Guid Id, Guid OtherPersonId, double Probability, string Reason, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt, string? DecidedBy);

public sealed record SubjectAuditLineDto(long Id, DateTimeOffset At, string Actor, string? StaffName, string Action, string EntityType, string? EntityId, string? Origin, string? Detail);

/// <summary>Everything Panah holds about one person (KVKK article 11), as JSON.</summary>
public sealed record SubjectAccessDto(
    DateTimeOffset ProducedAt,
    PersonDto Person,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    SubjectHouseholdDto Household,
    IReadOnlyList<PurposeDto> Purposes,
    IReadOnlyList<SubjectDuplicateReviewDto> DuplicateReviews,
    IReadOnlyList<SubjectAuditLineDto> Audit,
    IReadOnlyList<SubjectAuditLineDto> Disclosures);

/// <summary><c>GET /api/v1/people/{id}/subject-access</c>: the data protection officer's report, from a signed-in session only.</summary>
public static class SubjectAccessApi
{
    public static IEndpointRouteBuilder MapDataProtectionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/people/{id:guid}/subject-access", Get).WithTags("DataProtection").WithName("GetSubjectAccessReport")
            .RequireAuthorization(Policies.DataProtection);
        return app;
    }

    private static async Task<Results<Ok<SubjectAccessDto>, NotFound>> Get(Guid id, SubjectAccess access, ConsentRules rules, CancellationToken ct)
    {
        var report = await access.ReportAsync(id, "json", ct);
        return report is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(report, rules));
    }

    public static SubjectAccessDto ToDto(SubjectAccessReport r, ConsentRules rules)
    {
        var h = r.Household;
        var today = DateOnly.FromDateTime(r.ProducedAt.UtcDateTime);
        return new SubjectAccessDto(
            r.ProducedAt,
            RegistryMapping.ToDto(r.Person),
            r.CreatedAt,
            r.UpdatedAt,
            new SubjectHouseholdDto(h.Id, h.Code, h.FieldOfficeCode, h.Details.District, h.Details.Neighbourhood, h.Details.Address, h.Details.Phone,
                EnumNames.Name(h.Details.Status), h.RegisteredOn, h.OtherMembers.Select(EnumNames.Name).ToList()),
            Enum.GetValues<ConsentPurpose>().Select(p => new PurposeDto(EnumNames.Name(p), EnumNames.Name(rules.BasisOf(p)), rules.MayUse(r.Person.Details.Consents, p, today))).ToList(),
            r.DuplicateReviews.Select(d => new SubjectDuplicateReviewDto(d.Id, d.OtherPersonId, d.Probability, d.Reason, EnumNames.Name(d.Status), d.CreatedAt, d.DecidedAt, d.DecidedBy)).ToList(),
            r.Audit.Select(ToDto).ToList(),
            r.Disclosures.Select(ToDto).ToList());
    }

    private static SubjectAuditLineDto ToDto(SubjectAuditLine a) => new(a.Id, a.At, a.Actor, a.StaffName, a.Action, a.EntityType, a.EntityId, a.Origin, a.Detail);
}
