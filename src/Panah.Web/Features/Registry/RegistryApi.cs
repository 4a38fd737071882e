using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Registry;
using Panah.Data.Validation;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Registry;

/// <summary>The registry's JSON API under <c>/api/v1</c>.</summary>
public static class RegistryApi
{
    public static IServiceCollection AddRegistryApiServices(this IServiceCollection services) =>
        services.AddSingleton<ListCursor>()
            .ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase)
            // Output records list their constructor's non-optional parameters as required in the OpenAPI schema.
            .ConfigureHttpJsonOptions(o => o.SerializerOptions.RespectRequiredConstructorParameters = true)
            // Fields the reader's role is not shown are left out, not written empty.
            .ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver = FieldMask.With(o.SerializerOptions.TypeInfoResolver))
            .Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o =>
            {
                o.AddSchemaTransformer<ApiRequiredSchemaTransformer>();
                o.AddSchemaTransformer<AllowedNamesSchemaTransformer>();
            });

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Registry").RequireAuthorization(Policies.RegistryRead);
        api.MapGet("/households", ListHouseholds).WithName("ListHouseholds");
        api.MapGet("/households/{id:guid}", GetHousehold).WithName("GetHousehold");
        api.MapPost("/households", CreateHousehold).WithName("CreateHousehold").RequireAuthorization(Policies.RegistryWrite);
        api.MapPut("/households/{id:guid}", UpdateHousehold).WithName("UpdateHousehold").RequireAuthorization(Policies.RegistryWrite);
        api.MapPost("/households/{id:guid}/members", HouseholdMembersApi.AddMember).WithName("AddHouseholdMember").RequireAuthorization(Policies.RegistryWrite);
        api.MapGet("/people", ListPeople).WithName("ListPeople");
        api.MapGet("/people/{id:guid}", GetPerson).WithName("GetPerson");
        api.MapPut("/people/{id:guid}", UpdatePerson).WithName("UpdatePerson").RequireAuthorization(Policies.RegistryWrite);
        api.MapPost("/people/search", SearchApi.Search).WithName("SearchPeople").RequireRateLimiting(RateLimits.Search);
        return app;
    }

    private static async Task<Results<Ok<PageDto<HouseholdSummaryDto>>, ValidationProblem>> ListHouseholds(
        RegistryStore store, ListCursor cursors, IStringLocalizer<SharedResource> l, string? district, [OneOf<HouseholdStatus>] string? status,
        string? after, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        var s = ParseFilter<HouseholdStatus>(status, "status", errors);
        if (errors.Count > 0)
        {
            return Problem(errors, l);
        }
        if (after is not null)
        {
            if (!cursors.TryRead("households", after, out var last))
            {
                return Problem(new Dictionary<string, List<string>> { ["after"] = ["Cursor.Invalid"] }, l);
            }
            var slice = await store.ListHouseholdsAfterAsync(district, s, last, pageSize, ct);
            return TypedResults.Ok(RegistryMapping.ToDto(slice, RegistryMapping.ToDto, id => cursors.Next("households", id)));
        }
        var result = await store.ListHouseholdsAsync(district, s, page, pageSize, ct);
        return TypedResults.Ok(RegistryMapping.ToDto(result, RegistryMapping.ToDto, result.PageNumber < result.PageCount && result.Items.Count > 0 ? cursors.Next("households", result.Items[^1].Id) : null));
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFound>> GetHousehold(Guid id, RegistryStore store, CancellationToken ct)
    {
        var h = await store.GetHouseholdAsync(id, ct);
        return h is null ? TypedResults.NotFound() : TypedResults.Ok(RegistryMapping.ToDto(h));
    }

    private static async Task<Results<Created<HouseholdDto>, ValidationProblem>> CreateHousehold(
        HouseholdInput input, RegistryStore store, PanahDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock, CancellationToken ct)
    {
        var map = new RegistryMapping();
        var household = map.Household(input);
        var members = map.Members(input.Members);
        map.WithRuleErrors(RegistryValidator.Validate(household, members, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        // Without an office given, the first of the officer's own; an office outside the scope is unknown.
        // An office code is a few ASCII letters; anything else (a NUL byte, which PostgreSQL refuses) is no office, unasked.
        var code = input.FieldOffice;
        var office = code is { Length: > 10 } || (code?.Any(c => !char.IsAsciiLetterOrDigit(c)) ?? false) ? null : (await db.FieldOffices.AsNoTracking()
            .Where(o => code == null || o.Code == code.ToUpperInvariant())
            .OrderBy(o => o.Id).ToListAsync(ct)).FirstOrDefault(o => db.Scope.CoversOffice(o.Id));
        if (map.Errors.Count > 0 || office is null)
        {
            var errors = map.Errors.ToDictionary();
            if (office is null)
            {
                errors["fieldOffice"] = ["FieldOffice.Unknown"];
            }
            return Problem(errors, l);
        }
        try
        {
            var view = await store.RegisterAsync(office.Id, household, members, ct);
            return TypedResults.Created($"/api/v1/households/{view.Id}", RegistryMapping.ToDto(view));
        }
        catch (FieldException e)
        {
            return Problem(e.Errors, l);
        }
    }

    private static async Task<Results<Ok<HouseholdDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateHousehold(
        Guid id, HouseholdUpdate input, RegistryStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var map = new RegistryMapping();
        var details = map.Household(input);
        if (map.Errors.Count > 0)
        {
            return Problem(map.Errors, l);
        }
        try
        {
            return TypedResults.Ok(RegistryMapping.ToDto(await store.UpdateHouseholdAsync(id, input.Version, details, ct)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (FieldException e)
        {
            return Problem(e.Errors, l);
        }
        catch (ConcurrencyConflictException)
        {
            return Conflict(l);
        }
        catch (ErasedRecordException)
        {
            return Gone(l);
        }
    }

    private static async Task<Results<Ok<PageDto<PersonDto>>, ValidationProblem>> ListPeople(
        RegistryStore store, ListCursor cursors, IStringLocalizer<SharedResource> l, string? district,
        [OneOf<Sex>] string? sex, [OneOf<AgeGroup>] string? ageGroup, [OneOf<Vulnerability>] string? vulnerability,
        string? after, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, List<string>>();
        var filter = new PeopleFilter(
            district,
            ParseFilter<Sex>(sex, "sex", errors),
            ParseFilter<AgeGroup>(ageGroup, "ageGroup", errors),
            ParseFilter<Vulnerability>(vulnerability, "vulnerability", errors));
        if (errors.Count > 0)
        {
            return Problem(errors, l);
        }
        if (after is not null)
        {
            if (!cursors.TryRead("people", after, out var last))
            {
                return Problem(new Dictionary<string, List<string>> { ["after"] = ["Cursor.Invalid"] }, l);
            }
            var slice = await store.ListPeopleAfterAsync(filter, last, pageSize, ct);
            return TypedResults.Ok(RegistryMapping.ToDto(slice, RegistryMapping.ToDto, id => cursors.Next("people", id)));
        }
        var result = await store.ListPeopleAsync(filter, page, pageSize, ct);
        return TypedResults.Ok(RegistryMapping.ToDto(result, RegistryMapping.ToDto, result.PageNumber < result.PageCount && result.Items.Count > 0 ? cursors.Next("people", result.Items[^1].Id) : null));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ProblemHttpResult>> GetPerson(Guid id, RegistryStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var p = await store.GetPersonAsync(id, ct);
        return p is null ? TypedResults.NotFound() : p.IsErased ? Gone(l) : TypedResults.Ok(RegistryMapping.ToDto(p));
    }

    private static async Task<Results<Ok<PersonDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdatePerson(
        Guid id, PersonUpdate input, RegistryStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (input.Person is null || input.Version is null)
        {
            // A person posted without the wrapper would otherwise fail on its first field ("unknown script tag").
            return Problem(new Dictionary<string, List<string>> { [input.Person is null ? "person" : "version"] = ["Body.PersonAndVersion"] }, l);
        }
        var map = new RegistryMapping();
        var details = map.Person(input.Person, "person.");
        if (map.Errors.Count > 0)
        {
            return Problem(map.Errors, l);
        }
        try
        {
            return TypedResults.Ok(RegistryMapping.ToDto(await store.UpdatePersonAsync(id, input.Version.Value, details, ct)));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (FieldException e)
        {
            return Problem(e.Errors.ToDictionary(kv => "person." + kv.Key, kv => kv.Value), l);
        }
        catch (ConcurrencyConflictException)
        {
            return Conflict(l);
        }
        catch (ErasedRecordException)
        {
            return Gone(l);
        }
    }

    private static T? ParseFilter<T>(string? value, string field, Dictionary<string, List<string>> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }
        errors[field] = [RegistryMapping.UnknownValue<T>()];
        return null;
    }

    internal static ValidationProblem Problem(IReadOnlyDictionary<string, List<string>> errors, IStringLocalizer l) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(kv => kv.Key, kv => kv.Value.Select(m => RegistryMapping.Translate(l, m)).ToArray()),
            title: l["The input is not valid."]);

    /// <summary>The record was erased: its personal data is gone for good, for every caller.</summary>
    internal static ProblemHttpResult Gone(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: l["This person's personal data has been erased."]);

    internal static ProblemHttpResult Conflict(IStringLocalizer l) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: l["Someone else changed this record. Reload it and apply your change again."]);
}
