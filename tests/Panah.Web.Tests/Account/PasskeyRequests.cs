using System.Net;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>What passkeys.js does, over HTTP: fetch the options, let the authenticator answer, post the answer.</summary>
public static class PasskeyRequests
{
    /// <summary>The origin a browser on the test server's address writes into its answers and requests.</summary>
    public static readonly string Origin = PanahApp.TestServerAddress.GetLeftPart(UriPartial.Authority);

    public static async Task<string> OptionsAsync(HttpClient client, string page, string handler)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler={handler}");
        request.Headers.Add("RequestVerificationToken", Html.AntiforgeryToken(html));
        request.Headers.Add("Origin", Origin);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(html);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", Origin);
        return await client.SendAsync(request);
    }

    /// <summary>Adds a passkey from <paramref name="authenticator"/> on a signed-in session's account page.</summary>
    public static async Task<HttpResponseMessage> EnrolAsync(HttpClient session, SoftwareAuthenticator authenticator, string name = "Office laptop") =>
        await PostAsync(session, "/Account/Passkeys", "Add", new()
        {
            ["Input.Name"] = name,
            ["Input.CredentialJson"] = authenticator.Create(await OptionsAsync(session, "/Account/Passkeys", "Options")),
        });

    /// <summary>A client whose password step for <paramref name="staff"/> is done: the second step is pending.</summary>
    public static async Task<HttpClient> PendingAsync(PanahApp app, TestStaff staff)
    {
        var client = app.AnonymousClient();
        var login = await StaffSession.PostLoginAsync(client, staff.Email, staff.Password);
        Assert.StartsWith("/Account/LoginTotp", login.Headers.Location!.ToString());
        return client;
    }

    /// <summary>Answers the pending sign-in's passkey step with <paramref name="authenticator"/>.</summary>
    public static async Task<HttpResponseMessage> SecondStepAsync(HttpClient pending, SoftwareAuthenticator authenticator) =>
        await PostAsync(pending, "/Account/LoginTotp", "Passkey", new()
        {
            ["CredentialJson"] = authenticator.Get(await OptionsAsync(pending, "/Account/LoginTotp", "PasskeyOptions")),
        });
}
