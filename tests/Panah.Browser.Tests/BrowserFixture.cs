using Microsoft.Playwright;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Browser.Tests;

/// <summary>
/// The real app listening on a loopback port and a real headless Chromium (Debian's package, never a
/// downloaded build) driven by Playwright. Fails, never skips, when Chromium is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public SqliteApp App { get; } = new();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PANAH_CHROMIUM") is { Length: > 0 } configured ? configured
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
          ?? throw new InvalidOperationException("Chromium was not found. Install Debian's chromium package (apt-get install chromium) — .ci/run does.");

    /// <summary>
    /// How long a sign-in step may take. The suite runs the web, matching and browser tests at once on two
    /// cores, with three Chromiums and three apps starting together; Playwright's 30 s default was not
    /// always enough there for the first sign-in of a class.
    /// </summary>
    public const float SignInTimeout = 120_000;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        // The first request of an app pays for JIT and start-up work; pay it here rather than inside a test's wait.
        using (var warmUp = new HttpClient())
        {
            (await warmUp.GetAsync(BaseUrl + "/Account/Login")).EnsureSuccessStatusCode();
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPhonePageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A phone-sized page signed in, through the real pages, as a new account with <paramref name="role"/>
    /// (a new account each time: a TOTP code is accepted once, so two sign-ins of one account within
    /// 30 s would fail the second).
    /// </summary>
    public async Task<IPage> SignInAsync(string role) => await SignInAsync(await App.CreateStaffAsync(role));

    /// <summary>The same for an account the test made (a teacher it assigned to a section).</summary>
    public async Task<IPage> SignInAsync(TestStaff staff)
    {
        var page = await NewPhonePageAsync();
        await page.GotoAsync(BaseUrl + "/", new PageGotoOptions { Timeout = SignInTimeout });
        Assert.Contains("/Account/Login", page.Url);
        await page.FillAsync("#Email", staff.Email);
        await page.FillAsync("#Password", staff.Password);
        await SubmitAsync(page, "#sign-in", "/Account/Login", "the password was refused");
        await page.WaitForSelectorAsync("#Input_Code", new PageWaitForSelectorOptions { Timeout = SignInTimeout });
        // The code of the app's own clock, taken as late as possible.
        await page.FillAsync("#Input_Code", StaffSession.CurrentCode(App, staff.AuthenticatorKey));
        await SubmitAsync(page, "#verify", "/Account/LoginTotp", "the authenticator code was refused");
        // Signed in once the sign-out form is on the page; attached, not visible, since a phone-width menu may fold it away.
        await page.WaitForSelectorAsync("form[action='/Account/Logout']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = SignInTimeout });
        // A test's first pages pay for compiling them on a loaded machine: every wait gets the sign-in's allowance.
        page.SetDefaultTimeout(SignInTimeout);
        return page;
    }

    /// <summary>Submits a sign-in form and waits for its answer: a redirect onwards, or a clear failure instead of a timeout.</summary>
    private static async Task SubmitAsync(IPage page, string button, string path, string refused)
    {
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync(button),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == path,
            new PageRunAndWaitForResponseOptions { Timeout = SignInTimeout });
        Assert.True(answer.Status == 302, $"Sign-in: {refused} ({answer.Status}).");
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
