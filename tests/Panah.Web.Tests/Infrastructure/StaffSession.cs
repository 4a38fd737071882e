using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Panah.Web.Tests.Infrastructure;

/// <summary>Signs in through the real pages with password and TOTP, as a person would.</summary>
public static class StaffSession
{
    public static string CurrentCode(string authenticatorKey) => new OtpNet.Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();

    /// <summary>The code for the app's own clock (a test may have moved it).</summary>
    public static string CurrentCode(PanahApp app, string authenticatorKey) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        await Html.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A client with a signed-in cookie session for <paramref name="staff"/>.</summary>
    public static async Task<HttpClient> SignInAsync(PanahApp app, TestStaff staff)
    {
        var client = app.AnonymousClient();
        var login = await PostLoginAsync(client, staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var next = login.Headers.Location!.ToString();
        var code = await Html.PostFormAsync(client, next, new Dictionary<string, string> { ["Input.Code"] = CurrentCode(app, staff.AuthenticatorKey) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location!.ToString());
        return client;
    }
}
