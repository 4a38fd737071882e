using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Data.Validation;
using Panah.Web.Features.Registry;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Education;

/// <summary>
/// <c>/api/v1/education</c>: courses, sections and timetables, the learners of a section (its teacher's or a
/// coordinator's), applications, a section's fair waitlist, enrolment, offers and the crèche demand report.
/// </summary>
public static class EducationApi
{
    /// <summary>The web side's education services: the offer sweep (the data layer's services come with the data layer).</summary>
    public static IServiceCollection AddEducationFeature(this IServiceCollection services) => services
        .AddSingleton<OfferLapseJob>().AddHostedService(sp => sp.GetRequiredService<OfferLapseJob>());

    public static IEndpointRouteBuilder MapEducationApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/education").WithTags("Education").RequireAuthorization(Policies.Education);
        read.MapGet("/sections", ListSections).WithName("ListClassSections");
        read.MapGet("/sections/{id:int}", GetSection).WithName("GetClassSection");
        read.MapGet("/sections/{id:int}/learners", ListLearners).WithName("ListSectionLearners");

        var api = app.MapGroup("/api/v1/education").WithTags("Education").RequireAuthorization(Policies.EducationCoordinate);
        api.MapGet("/courses", ListCourses).WithName("ListCourses");
        api.MapPost("/courses", CreateCourse).WithName("CreateCourse");
        api.MapPost("/sections", CreateSection).WithName("CreateClassSection");
        api.MapPost("/sections/{id:int}/sessions", AddSession).WithName("AddClassSession");
        api.MapGet("/sections/{id:int}/waitlist", GetWaitlist).WithName("GetSectionWaitlist");
        api.MapPost("/sections/{id:int}/enrolments", Enrol).WithName("EnrolFromWaitlist");
        api.MapPost("/applications", Apply).WithName("CreateClassApplication");
        api.MapGet("/applications/{id:guid}", GetApplication).WithName("GetClassApplication")
            .WithSummary("An application's place on the waitlist of its level at its site, its priority with every reason's weight, and its place in line per section");
        api.MapPost("/applications/{id:guid}/withdraw", WithdrawApplication).WithName("WithdrawClassApplication");
        api.MapPost("/enrolments/{id:guid}/accept", (Guid id, Seats seats, IStringLocalizer<SharedResource> l, CancellationToken ct) => Act(() => seats.AcceptAsync(id, ct), l))
            .WithName("AcceptSeatOffer");
        api.MapPost("/enrolments/{id:guid}/decline", (Guid id, Seats seats, IStringLocalizer<SharedResource> l, CancellationToken ct) => Act(() => seats.DeclineAsync(id, ct), l))
            .WithName("DeclineSeatOffer");
        api.MapPost("/enrolments/{id:guid}/withdraw", (Guid id, Seats seats, IStringLocalizer<SharedResource> l, CancellationToken ct) => Act(() => seats.WithdrawAsync(id, ct), l))
            .WithName("WithdrawEnrolment");
        api.MapGet("/creche-demand", async (Waitlist waitlist, CancellationToken ct) => TypedResults.Ok(EducationMapping.ToDto(await waitlist.CrecheDemandAsync(ct))))
            .WithName("GetCrecheDemand");
        return app;
    }

    private static async Task<Ok<List<CourseDto>>> ListCourses(CourseStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.CoursesAsync(ct)).Select(EducationMapping.ToDto).ToList());

    private static async Task<Results<Created<CourseDto>, ValidationProblem>> CreateCourse(CourseBody body, CourseStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (!EducationMapping.TryLevel(body.Level, out var level) || body.GuidedHours is not { } hours)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { [body.GuidedHours is null ? "guidedHours" : "level"] = ["Education.LevelInvalid"] }, l);
        }
        try
        {
            var course = await store.AddCourseAsync(level, body.Name, hours, ct);
            return TypedResults.Created($"/api/v1/education/courses/{course.Id}", EducationMapping.ToDto(course));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Ok<List<SectionDto>>> ListSections(CourseStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.SectionsAsync(ct)).Select(EducationMapping.ToDto).ToList());

    private static async Task<Results<Ok<SectionDto>, NotFound>> GetSection(int id, CourseStore store, CancellationToken ct) =>
        await store.SectionAsync(id, ct) is { } s ? TypedResults.Ok(EducationMapping.ToDto(s)) : TypedResults.NotFound();

    private static async Task<Results<Created<SectionDto>, ValidationProblem>> CreateSection(SectionBody body, CourseStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        Require(body.CourseId, "courseId", errors);
        Require(body.FieldOfficeId, "fieldOfficeId", errors);
        Require(body.Capacity, "capacity", errors);
        Require(body.StartsOn, "startsOn", errors);
        Require(body.EndsOn, "endsOn", errors);
        if (!EducationMapping.TryParse<TimeOfDay>(body.TimeOfDay, out var time))
        {
            errors["timeOfDay"] = ["Education.TimeOfDayInvalid"];
        }
        if (errors.Count > 0)
        {
            return RegistryApi.Problem(errors, l);
        }
        try
        {
            var section = await store.AddSectionAsync(new SectionInput(
                body.CourseId!.Value, body.FieldOfficeId!.Value, body.Name ?? "", string.IsNullOrWhiteSpace(body.TeacherId) ? null : body.TeacherId, body.Capacity!.Value,
                body.MinimumToOpen, body.WomenOnly ?? false, body.CrechePlaces ?? 0, time, body.StartsOn!.Value, body.EndsOn!.Value), ct);
            return TypedResults.Created($"/api/v1/education/sections/{section.Id}", EducationMapping.ToDto(section));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Created<SessionDto>, NotFound, ValidationProblem>> AddSession(
        int id, SessionBody body, CourseStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.Date is not { } date || body.StartsAt is not { } start || body.Hours is not { } hours)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { [body.Date is null ? "date" : body.StartsAt is null ? "startsAt" : "hours"] = ["Education.FieldRequired"] }, l);
        }
        try
        {
            return await store.AddSessionAsync(id, date, start, hours, ct) is { } s
                ? TypedResults.Created($"/api/v1/education/sections/{id}/sessions/{s.Id}", EducationMapping.ToDto(s))
                : TypedResults.NotFound();
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<List<LearnerDto>>, NotFound>> ListLearners(int id, SectionRoster roster, CancellationToken ct) =>
        await roster.LearnersAsync(id, ct) is { } learners ? TypedResults.Ok(learners.Select(EducationMapping.ToDto).ToList()) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<WaitlistEntryDto>>, NotFound>> GetWaitlist(int id, Seats seats, Waitlist waitlist, CancellationToken ct, int take = 100)
    {
        // Offers past their deadline lapse and free seats pass on before the list is shown.
        await seats.RefreshAsync(id, ct);
        return await waitlist.ForSectionAsync(id, take, ct) is { } entries ? TypedResults.Ok(entries.Select(EducationMapping.ToDto).ToList()) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<EnrolmentDto>, NotFound, ValidationProblem, ProblemHttpResult>> Enrol(
        int id, EnrolBody body, Seats seats, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (body.ApplicationId is not { } applicationId)
        {
            return RegistryApi.Problem(new Dictionary<string, List<string>> { ["applicationId"] = ["Education.FieldRequired"] }, l);
        }
        try
        {
            return await seats.EnrolAsync(id, applicationId, ct) is { } e
                ? TypedResults.Created($"/api/v1/education/enrolments/{e.Id}", EducationMapping.ToDto(e))
                : TypedResults.NotFound();
        }
        catch (EnrolmentRefusedException e)
        {
            return Refused(e, l);
        }
    }

    private static async Task<Results<Created<ApplicationDto>, ValidationProblem>> Apply(ApplicationBody body, ClassApplications applications, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        Require(body.PersonId, "personId", errors);
        TimeOfDay? time = null;
        if (body.TimeOfDay is not null)
        {
            if (EducationMapping.TryParse<TimeOfDay>(body.TimeOfDay, out var parsed))
            {
                time = parsed;
            }
            else
            {
                errors["timeOfDay"] = ["Education.TimeOfDayInvalid"];
            }
        }
        if (errors.Count > 0)
        {
            return RegistryApi.Problem(errors, l);
        }
        try
        {
            var a = await applications.ApplyAsync(new ApplicationInput(
                body.PersonId!.Value, body.PlacementScore, body.Beginner ?? false, body.SiteOfficeId, time, body.WomenOnly ?? false, body.CrecheChildren ?? 0,
                body.ResidencePermitNeedsTurkish ?? false, body.WorkNeedsTurkish ?? false, body.RepeatsLevel ?? false), ct);
            return TypedResults.Created($"/api/v1/education/applications/{a.Id}", EducationMapping.ToDto(a));
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<ApplicationStandingDto>, NotFound>> GetApplication(Guid id, Waitlist waitlist, Seats seats, CancellationToken ct) =>
        await StandingAsync(id, waitlist, seats, ct) is { } standing ? TypedResults.Ok(EducationMapping.ToDto(standing)) : TypedResults.NotFound();

    /// <summary>
    /// An application's standing as of now, for the API and the application page: offers past their deadline at the
    /// sections of its level and site lapse first (as before a section's waitlist is shown), then it is read again.
    /// </summary>
    internal static async Task<ApplicationStandingView?> StandingAsync(Guid id, Waitlist waitlist, Seats seats, CancellationToken ct)
    {
        if (await waitlist.ForApplicationAsync(id, ct) is not { } standing)
        {
            return null;
        }
        var lapsed = 0;
        foreach (var section in standing.Sections)
        {
            lapsed += await seats.RefreshAsync(section.SectionId, ct);
        }
        return lapsed == 0 ? standing : await waitlist.ForApplicationAsync(id, ct);
    }

    private static async Task<Results<NoContent, NotFound>> WithdrawApplication(Guid id, ClassApplications applications, CancellationToken ct) =>
        await applications.WithdrawAsync(id, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<EnrolmentDto>, NotFound, ProblemHttpResult>> Act(Func<Task<EnrolmentView?>> action, IStringLocalizer l)
    {
        try
        {
            return await action() is { } e ? TypedResults.Ok(EducationMapping.ToDto(e)) : TypedResults.NotFound();
        }
        catch (EnrolmentRefusedException e)
        {
            return Refused(e, l);
        }
    }

    /// <summary>409 when someone else got there first (the seat, the crèche, the offer), 422 when the rule refuses (consent, suitability).</summary>
    private static ProblemHttpResult Refused(EnrolmentRefusedException e, IStringLocalizer l) => TypedResults.Problem(
        statusCode: e.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
        title: l[e.Code],
        extensions: new Dictionary<string, object?> { ["code"] = e.Code });

    private static void Require<T>(T? value, string field, Dictionary<string, List<string>> errors)
        where T : struct
    {
        if (value is null)
        {
            errors[field] = ["Education.FieldRequired"];
        }
    }
}
