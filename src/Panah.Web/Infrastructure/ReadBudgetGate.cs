using System.Security.Claims;
using Panah.Data.Audit;
using Panah.Data.Budgets;

namespace Panah.Web.Infrastructure;

/// <summary>
/// The read budget at the audit log's door: every read of personal data is audited, so every request that shows
/// person records spends its account's budget here before they are returned. Reads with no staff account behind
/// them (the CLI, background jobs after their request) have no budget.
/// </summary>
public sealed class ReadBudgetGate(IHttpContextAccessor http, IServiceScopeFactory scopes) : IReadGate
{
    public async ValueTask CheckAsync(IReadOnlyList<AuditEvent> events, CancellationToken ct)
    {
        var people = PeopleShown.Count(events);
        if (people == 0 || ReaderOf(http.HttpContext?.User) is not { } reader)
        {
            return;
        }
        // Its own scope and connection: the count and the block are committed whatever becomes of the request's
        // own changes, and an alert raised here saves nothing the request left pending.
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReadBudgets>().SpendAsync(reader, people, ct);
    }

    public static Reader? ReaderOf(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        var token = Guid.TryParse(user.FindFirstValue("token"), out var t) ? t : (Guid?)null;
        return new Reader(id, roles, token, user.HasClaim(Policies.ServiceAccountClaim, "true"));
    }
}
