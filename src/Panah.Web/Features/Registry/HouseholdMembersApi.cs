using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Panah.Data.Registry;
using Panah.Data.Validation;

namespace Panah.Web.Features.Registry;

/// <summary><c>POST /api/v1/households/{id}/members</c>: a person is created as a member of a household.</summary>
public static class HouseholdMembersApi
{
    public static async Task<Results<Created<PersonDto>, NotFound, ValidationProblem, ProblemHttpResult>> AddMember(
        Guid id, PersonInput input, RegistryStore store, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var map = new RegistryMapping();
        var details = map.Person(input, "");
        if (map.Errors.Count > 0)
        {
            return RegistryApi.Problem(map.Errors, l);
        }
        try
        {
            var person = await store.AddMemberAsync(id, details, ct);
            return TypedResults.Created($"/api/v1/people/{person.Id}", RegistryMapping.ToDto(person));
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (FieldException e)
        {
            return RegistryApi.Problem(e.Errors, l);
        }
        catch (ConcurrencyConflictException)
        {
            return RegistryApi.Conflict(l);
        }
        catch (ErasedRecordException)
        {
            return RegistryApi.Gone(l);
        }
    }
}
