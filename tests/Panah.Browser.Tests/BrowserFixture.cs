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

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
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

    /// <summary>A phone-sized page signed in, through the real pages, as a new account with <paramref name="role"/>.</summary>
    public async Task<IPage> SignInAsync(string role)
    {
        var staff = await App.CreateStaffAsync(role);
        var page = await NewPhonePageAsync();
        await page.GotoAsync(BaseUrl + "/");
        Assert.Contains("/Account/Login", page.Url);
        await page.FillAsync("#Email", staff.Email);
        await page.FillAsync("#Password", staff.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/Account/LoginTotp**");
        await page.FillAsync("#Input_Code", StaffSession.CurrentCode(staff.AuthenticatorKey));
        await page.ClickAsync("#verify");
        await page.WaitForSelectorAsync("text=Sign out");
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
