using System.Security.Claims;
using Panah.Data.Audit;

namespace Panah.Web.Infrastructure;

/// <summary>The audit actor of a web request: the staff account id (or "anonymous") and the client address.</summary>
public sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    public string Id
    {
        get
        {
            var user = accessor.HttpContext?.User;
            var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
            if (id is null)
            {
                return "anonymous";
            }
            return user!.FindFirstValue("token") is { } token ? $"user:{id} token:{token}" : $"user:{id}";
        }
    }

    public string? Origin => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
