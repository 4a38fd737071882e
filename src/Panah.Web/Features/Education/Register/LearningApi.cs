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
public sealed record RegisterLineDto(Guid EnrolmentId, Guid PersonId, string? Name, string? Phone, string Mark, decimal? AttendanceRate,
    decimal RemainingAbsentHours, bool CanStillQualify, int ConsecutiveUnexcused, decimal RiskScore, string RiskBand, IReadOnlyList<RiskPartDto> RiskParts,
    IReadOnlyList<FollowUpDto> OpenFollowUps);

/// <summary>A call a learner is owed: its id (to record the outcome) and why it was raised.</summary>
public sealed record FollowUpDto(Guid Id, string Reason);

/// <summary>The outcome of a follow-up call: Reached, NotReached, WillReturn or Leaving.</summary>
public sealed record FollowUpBody(string? Outcome = null);

/// <summary>One factor of a dropout-risk score: its value (0–1), its weight, and the points it adds.</summary>
public sealed record RiskPartDto(string Factor, decimal Value, decimal Weight, decimal Points);

public sealed record RegisterDto(int SessionId, int SectionId, DateOnly Date, TimeOnly StartsAt, decimal Hours, decimal CourseHours, bool Taken, IReadOnlyList<RegisterLineDto> Learners);

/// <summary>The marks of a session by enrolment id (Present, Late, Excused, Absent); a learner left out is present.</summary>
public sealed record RegisterBody(Dictionary<Guid, string>? Marks = null);

/// <summary>A sitting's scores by skill (Reading, Writing, Listening, Speaking), and its date (today when left out).</summary>
public sealed record ExamBody(Dictionary<string, decimal>? Scores = null, DateOnly? TakenOn = null);

public sealed record ExamDto(Guid EnrolmentId, string Level, IReadOnlyDictionary<string, decimal> FirstSitting, DateOnly? SatOn,
    IReadOnlyDictionary<string, decimal> Retake, string? Outcome, decimal? Mean, IReadOnlyList<string> RetakeAllowed, bool MaySit, string? CertificateNumber);

/// <summary>
/// <c>/api/v1/education/…</c> for the register and exams: a session's register (GET, PUT), a section's current session,
/// an enrolment's exam (GET, POST a sitting). The same data-layer services as the pages, so the same scope and audit.
/// </summary>
public static class LearningApi
{
    public const string UnknownMark = "Attendance.UnknownMark";
    public const string UnknownSkill = "Exam.UnknownSkill";

    public static IEndpointRouteBuilder MapLearningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/education").WithTags("Education").RequireAuthorization(Policies.Education);
        api.MapGet("/sections/{id:int}/register", Current).WithName("GetCurrentRegister");
        api.MapGet("/sessions/{id:int}/register", Get).WithName("GetRegister");
        api.MapPut("/sessions/{id:int}/register", Save).WithName("SaveRegister");
        api.MapGet("/enrolments/{id:guid}/exam", GetExam).WithName("GetExam");
        api.MapPost("/enrolments/{id:guid}/exam", RecordExam).WithName("RecordExam");
        api.MapPost("/follow-ups/{id:guid}", RecordFollowUp).WithName("RecordFollowUp");
        return app;
    }

    private static async Task<Results<Ok<RegisterDto>, NotFound>> Current(int id, AttendanceRegister register, CancellationToken ct) =>
        await register.OfSectionAsync(id, ct: ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound();

    private static async Task<Results<Ok<RegisterDto>, NotFound>> Get(int id, AttendanceRegister register, CancellationToken ct) =>
        await register.GetAsync(id, ct) is { } r ? TypedResults.Ok(ToDto(r)) : TypedResults.NotFound();

    private static async Task<Results<Ok<RegisterDto>, NotFound, ValidationProblem>> Save(int id, RegisterBody input, AttendanceRegister register, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            var marks = (input.Marks ?? []).ToDictionary(kv => kv.Key, kv => Named<Attendance>(kv.Value, "marks", UnknownMark));
            if (await register.SaveAsync(id, marks, ct) is null)
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

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RecordFollowUp(Guid id, FollowUpBody input, FollowUpCalls calls, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            // An unknown outcome is refused by the data layer, after it has told whether the follow-up is there at all.
            var outcome = Enum.TryParse<FollowUpOutcome>(input.Outcome, ignoreCase: true, out var o) && !int.TryParse(input.Outcome, out _) ? o : default;
            return await calls.RecordAsync(id, outcome, ct) is null ? TypedResults.NotFound() : TypedResults.NoContent();
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<ExamDto>, NotFound>> GetExam(Guid id, ExamRecording exams, CancellationToken ct) =>
        await exams.GetAsync(id, ct) is { } e ? TypedResults.Ok(ToDto(e)) : TypedResults.NotFound();

    private static async Task<Results<Created<ExamDto>, NotFound, ValidationProblem>> RecordExam(Guid id, ExamBody input, ExamRecording exams, TimeProvider clock,
        IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        try
        {
            var scores = (input.Scores ?? []).ToDictionary(kv => Named<ExamSkill>(kv.Key, "scores", UnknownSkill), kv => kv.Value);
            var recorded = await exams.RecordAsync(id, scores, input.TakenOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            return recorded is null ? TypedResults.NotFound() : TypedResults.Created($"/api/v1/education/enrolments/{id}/exam", ToDto(recorded));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    /// <summary>An enum value by its name (any case, never a number); anything else is the field's error.</summary>
    private static TEnum Named<TEnum>(string? value, string field, string error)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _) ? v : throw new FieldException(field, error);

    private static RegisterDto ToDto(SessionRegister r) => new(r.SessionId, r.SectionId, r.Date, r.StartsAt, r.Hours, r.CourseHours, r.Taken,
        [.. r.Learners.Select(x => new RegisterLineDto(x.EnrolmentId, x.PersonId, x.Name?.Display, x.Phone, x.Mark.ToString(), x.Standing.Rate, x.Standing.RemainingAbsentHours,
            x.Standing.CanStillQualify, x.Standing.ConsecutiveUnexcused, x.Risk.Score, x.Risk.Band.ToString(),
            [.. x.Risk.Parts.Select(p => new RiskPartDto(p.Factor.ToString(), p.Value, p.Weight, p.Points))], [.. x.OpenFollowUps.Select(f => new FollowUpDto(f.Id, f.Reason.ToString()))]))]);

    private static ExamDto ToDto(ExamView e) => new(e.EnrolmentId, e.Level.ToString(), Named(e.FirstSitting), e.SatOn, Named(e.Retake), e.Verdict?.Outcome.ToString(),
        e.Verdict?.Mean, [.. (e.Verdict?.Retake ?? []).Select(s => s.ToString())], e.MaySit, e.CertificateNumber);

    private static Dictionary<string, decimal> Named(IReadOnlyDictionary<ExamSkill, decimal> scores) => scores.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value);
}
