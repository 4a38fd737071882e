using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>One reachable endpoint: how to call it and which policy the matrix says guards it.</summary>
public sealed record EndpointCell(string Key, string Method, string Url, bool IsApi);

/// <summary>
/// Every endpoint the app maps, read from the routing system itself, and the policy each must have.
/// An endpoint missing from <see cref="Expected"/> fails the tests: a new endpoint must be placed in the matrix.
/// </summary>
public static partial class EndpointInventory
{
    public const string Anonymous = "Anonymous";

    public static readonly IReadOnlyDictionary<string, string> Expected = new Dictionary<string, string>
    {
        ["GET /api/v1/households"] = Policies.RegistryRead,
        ["GET /api/v1/households/{id:guid}"] = Policies.RegistryRead,
        ["POST /api/v1/households"] = Policies.RegistryWrite,
        ["PUT /api/v1/households/{id:guid}"] = Policies.RegistryWrite,
        ["POST /api/v1/households/{id:guid}/members"] = Policies.RegistryWrite,
        ["GET /api/v1/people"] = Policies.RegistryRead,
        ["GET /api/v1/people/{id:guid}"] = Policies.RegistryRead,
        ["PUT /api/v1/people/{id:guid}"] = Policies.RegistryWrite,
        ["POST /api/v1/people/search"] = Policies.RegistryRead,
        ["POST /api/v1/people/match"] = Policies.RegistryRead,
        ["POST /api/v1/duplicates/runs"] = Policies.DuplicateReview,
        ["GET /api/v1/duplicates/runs/current"] = Policies.DuplicateReview,
        ["GET /api/v1/duplicates/"] = Policies.DuplicateReview,
        ["GET /api/v1/duplicates/{id:guid}"] = Policies.DuplicateReview,
        ["POST /api/v1/duplicates/{id:guid}/decision"] = Policies.DuplicateReview,
        ["PAGE /Matching/Reviews/Index"] = Policies.DuplicateReview,
        ["PAGE /Matching/Reviews/Details"] = Policies.DuplicateReview,
        ["GET /openapi/{documentName}.json"] = Policies.Staff,
        ["GET /healthz"] = Anonymous,
        ["PAGE /Index"] = Policies.Staff,
        ["PAGE /Registry/Households/Index"] = Policies.RegistryRead,
        ["PAGE /Registry/Households/Register"] = Policies.RegistryWrite,
        ["PAGE /Registry/Households/Details"] = Policies.RegistryRead,
        ["PAGE /Registry/People/Index"] = Policies.RegistryRead,
        ["PAGE /Registry/People/Edit"] = Policies.RegistryWrite,
        ["PAGE /Registry/Search"] = Policies.RegistryRead,
        ["PAGE /Admin/Users"] = Policies.StaffAdmin,
        ["PAGE /Admin/Tokens"] = Policies.StaffAdmin,
        ["PAGE /Account/Password"] = Policies.OwnAccount,
        ["PAGE /Account/Tokens"] = Policies.OwnAccount,
        ["PAGE /Account/Enrol"] = Anonymous,
        ["PAGE /Account/TooManyAttempts"] = Anonymous,
        ["PAGE /Account/Login"] = Anonymous,
        ["PAGE /Account/LoginTotp"] = Anonymous,
        ["PAGE /Account/EnrollTotp"] = Anonymous,
        ["PAGE /Account/Logout"] = Anonymous,
        ["PAGE /Account/AccessDenied"] = Anonymous,
        ["PAGE /Error"] = Anonymous,
        ["PAGE /Culture"] = Anonymous,
        ["PAGE /Access/BreakGlass"] = Policies.RegistryRead,
        ["PAGE /Access/ShareRequests"] = Policies.RegistryRead,
    };

    /// <summary>
    /// Endpoints only a person's interactive, 2FA-verified cookie session reaches: a bearer token, even
    /// an administrator's, is refused (403) here whatever its role.
    /// </summary>
    public static readonly IReadOnlySet<string> SessionOnly = new HashSet<string>
    {
        "PAGE /Admin/Users",
        "PAGE /Admin/Tokens",
        "PAGE /Account/Password",
        "PAGE /Account/Tokens",
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    public static List<(EndpointCell Cell, RouteEndpoint Endpoint)> Discover(PanahApp app)
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var cells = new Dictionary<string, (EndpointCell, RouteEndpoint)>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var url = Parameter().Replace(pattern, m => m.Value.Contains("guid") ? Guid.NewGuid().ToString() : m.Value.Contains("documentName") ? "v1" : "x");
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is not null)
            {
                var key = "PAGE " + page.ViewEnginePath;
                // An Index page answers at its folder and at /Index; keep one.
                cells.TryAdd(key, (new EndpointCell(key, "GET", url.EndsWith("/Index", StringComparison.Ordinal) ? url[..^"Index".Length] : url, false), endpoint));
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var key = $"{method} {pattern}";
                cells.TryAdd(key, (new EndpointCell(key, method, url, pattern.StartsWith("/api", StringComparison.Ordinal)), endpoint));
            }
        }
        return cells.Values.OrderBy(c => c.Item1.Key, StringComparer.Ordinal).ToList();
    }
}
