using System.Security.Claims;
using Panah.Data.Audit;

namespace Panah.Web.Infrastructure;

/// <summary>An actor set for background work started by a request (e.g. a duplicate run), which outlives it.</summary>
public static class AmbientActor
{
    private static readonly AsyncLocal<IActor?> Value = new();

    public static IActor? Current
    {
        get => Value.Value;
        set => Value.Value = value;
    }
}

/// <summary>
/// The audit actor of a web request: the staff account id (or "anonymous") and the client address.
/// A service account's token is recorded as <c>service:…</c>, so nobody mistakes an integration for a person.
/// </summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    public string Id
    {
        get
        {
            if (AmbientActor.Current is { } ambient)
            {
                return ambient.Id;
            }
            var user = accessor.HttpContext?.User;
            var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
            if (id is null)
            {
                return "anonymous";
            }
            var kind = user!.HasClaim(Policies.ServiceAccountClaim, "true") ? "service" : "user";
            return user.FindFirstValue("token") is { } token ? $"{kind}:{id} token:{token}" : $"{kind}:{id}";
        }
    }

    public string? Origin => AmbientActor.Current?.Origin ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
