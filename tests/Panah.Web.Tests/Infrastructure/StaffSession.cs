using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Panah.Web.Tests.Infrastructure;

/// <summary>Signs in through the real pages with password and TOTP, as a person would.</summary>
public static class StaffSession
{
    public static string CurrentCode(string authenticatorKey) => new OtpNet.Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();

    /// <summary>The code for the app's own clock (a test may have moved it).</summary>
    public static string CurrentCode(PanahApp app, string authenticatorKey, int stepsAhead = 0) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddSeconds(30 * stepsAhead));

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        await Html.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A client with a signed-in cookie session for <paramref name="staff"/>.</summary>
    /// <remarks>A second session of the same account within 30 seconds needs <paramref name="stepsAhead"/> = 1: each code opens one session.</remarks>
    public static async Task<HttpClient> SignInAsync(PanahApp app, TestStaff staff, int stepsAhead = 0) => (await SignInCapturingCookieAsync(app, staff, stepsAhead)).Client;

    /// <summary>Signs in and also returns the session cookie as sent back by the server ("panah.session=…"), as a thief would copy it.</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInCapturingCookieAsync(PanahApp app, TestStaff staff, int stepsAhead = 0)
    {
        var client = app.AnonymousClient();
        var login = await PostLoginAsync(client, staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var next = login.Headers.Location!.ToString();
        var code = await Html.PostFormAsync(client, next, new Dictionary<string, string> { ["Input.Code"] = CurrentCode(app, staff.AuthenticatorKey, stepsAhead) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location!.ToString());
        var cookie = code.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("panah.session=", StringComparison.Ordinal)).Split(';')[0];
        return (client, cookie);
    }
}
