using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education.Register;

/// <summary>
/// One learner on a session's register, as the API shows it: the name and phone as the caller's role may see them, this
/// session's mark, the share of held hours attended (null before any session), the absence hours left before the exam
/// is out of reach (negative: already out of reach), the dropout-risk score with its parts, and follow-ups due.
/// </summary>
public sealed record RegisterLineDto(Guid EnrolmentId, Guid PersonId, string? Name, string? Phone, Attendance Mark, decimal? AttendanceRate,
    decimal RemainingAbsentHours, bool CanStillQualify, int ConsecutiveUnexcused, decimal RiskScore, RiskBand RiskBand, IReadOnlyList<RiskPart> RiskParts,
    IReadOnlyList<FollowUpReason> OpenFollowUps);

public sealed record RegisterDto(int SessionId, int SectionId, DateOnly Date, TimeOnly StartsAt, decimal Hours, decimal CourseHours, bool Taken, IReadOnlyList<RegisterLineDto> Learners);

/// <summary>The marks of a session by enrolment id; a learner left out is present.</summary>
public sealed record RegisterInput(Dictionary<Guid, Attendance>? Marks);

/// <summary>A sitting's scores by skill, and its date (today when left out).</summary>
public sealed record ExamInput(Dictionary<ExamSkill, decimal>? Scores, DateOnly? TakenOn);

public sealed record ExamDto(Guid EnrolmentId, CefrLevel Level, IReadOnlyDictionary<ExamSkill, decimal> FirstSitting, DateOnly? SatOn,
    IReadOnlyDictionary<ExamSkill, decimal> Retake, ExamOutcome? Outcome, decimal? Mean, IReadOnlyList<ExamSkill> RetakeAllowed, bool MaySit, string? CertificateNumber);

/// <summary>
/// <c>/api/v1/education/…</c> for the register and exams: a session's register (GET, PUT), a section's current session,
/// an enrolment's exam (GET, POST a sitting). The same data-layer services as the pages, so the same scope and audit.
/// </summary>
public static class LearningApi
{
    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/education").WithTags("Education").RequireAuthorization(Policies.Education);
        api.MapGet("/sections/{id:int}/register", Current).WithName("GetCurrentRegister");
        api.MapGet("/sessions/{id:int}/register", Get).WithName("GetRegister");
        api.MapPut("/sessions/{id:int}/register", Save).WithName("SaveRegister");
        api.MapGet("/enrolments/{id:guid}/exam", GetExam).WithName("GetExam");
        api.MapPost("/enrolments/{id:guid}/exam", RecordExam).WithName("RecordExam");
        return app;
    }

    private static async Task<Results<Ok<RegisterDto>, NotFound>> Current(int id, AttendanceRegister register, CancellationToken ct) =>
        await register.CurrentSessionAsync(id, ct) is { } session && await register.GetAsync(session, ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound();

    private static async Task<Results<Ok<RegisterDto>, NotFound>> Get(int id, AttendanceRegister register, CancellationToken ct) =>
        await register.GetAsync(id, ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound();

    private static async Task<Results<Ok<RegisterDto>, NotFound, ValidationProblem>> Save(int id, RegisterInput input, AttendanceRegister register, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            if (await register.SaveAsync(id, input.Marks ?? [], ct) is null)
            {
                return TypedResults.NotFound();
            }
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
        return TypedResults.Ok(ToDto((await register.GetAsync(id, ct))!));
    }

    private static async Task<Results<Ok<ExamDto>, NotFound>> GetExam(Guid id, ExamRecording exams, CancellationToken ct) =>
        await exams.GetAsync(id, ct) is { } e ? TypedResults.Ok(ToDto(e)) : TypedResults.NotFound();

    private static async Task<Results<Created<ExamDto>, NotFound, ValidationProblem>> RecordExam(Guid id, ExamInput input, ExamRecording exams, TimeProvider clock,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            var recorded = await exams.RecordAsync(id, input.Scores ?? [], input.TakenOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            return recorded is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/education/enrolments/{id}/exam", ToDto(recorded));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static RegisterDto ToDto(SessionRegister r) => new(r.SessionId, r.SectionId, r.Date, r.StartsAt, r.Hours, r.CourseHours, r.Taken,
        [.. r.Learners.Select(x => new RegisterLineDto(x.EnrolmentId, x.PersonId, x.Name?.Display, x.Phone, x.Mark, x.Standing.Rate, x.Standing.RemainingAbsentHours,
            x.Standing.CanStillQualify, x.Standing.ConsecutiveUnexcused, x.Risk.Score, x.Risk.Band, x.Risk.Parts, x.OpenFollowUps))]);

    private static ExamDto ToDto(ExamView e) => new(e.EnrolmentId, e.Level, e.FirstSitting, e.SatOn, e.Retake, e.Verdict?.Outcome, e.Verdict?.Mean,
        e.Verdict?.Retake ?? [], e.MaySit, e.CertificateNumber);
}
