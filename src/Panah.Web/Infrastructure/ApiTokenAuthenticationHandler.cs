using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Panah.Data.Entities;
using Panah.Data.Staff;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer pnh_…</c> with a stored, unexpired, unrevoked token of an enabled
/// account that enrolled 2FA, or of a service account. The principal never carries the interactive-session
/// claim, so a token cannot reach the admin pages.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<StaffUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (token?.User is null)
        {
            return AuthenticateResult.Fail("Invalid token.");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, token.UserId),
            new(ClaimTypes.Name, token.User.UserName ?? token.UserId),
            // Issued in a 2FA session: by its holder, who enrolled 2FA, or by an administrator for a service account.
            new(Policies.MfaClaim, Policies.MfaValue),
            new("token", token.Id.ToString()),
        };
        if (token.User.IsServiceAccount)
        {
            claims.Add(new Claim(Policies.ServiceAccountClaim, "true"));
        }
        claims.AddRange((await users.GetRolesAsync(token.User)).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.ApiToken));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, AuthSchemes.ApiToken));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
