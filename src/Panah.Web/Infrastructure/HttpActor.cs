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

/// <summary>The audit actor of a web request: the staff account id (or "anonymous") and the client address.</summary>
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
            return user!.FindFirstValue("token") is { } token ? $"user:{id} token:{token}" : $"user:{id}";
        }
    }

    public string? Origin => AmbientActor.Current?.Origin ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
