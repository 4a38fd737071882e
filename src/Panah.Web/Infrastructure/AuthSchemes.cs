namespace Panah.Web.Infrastructure;

public static class AuthSchemes
{
    /// <summary>Chooses the bearer-token handler when an Authorization header is present, else the Identity cookie.</summary>
    public const string Staff = "Staff";
    public const string ApiToken = "ApiToken";
}
