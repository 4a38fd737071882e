using Microsoft.Playwright;

namespace Panah.Browser.Tests;

/// <summary>The pages are styled by stylesheets served from Panah itself, and the browser asks no other origin for anything.</summary>
public sealed class StylingTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Stylesheets_load_from_Panah_only_and_apply()
    {
        var page = await fixture.NewPhonePageAsync();
        var requests = new List<string>();
        var failures = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                failures.Add($"{r.Status} {r.Url}");
            }
        };
        page.Console += (_, m) => failures.Add("console: " + m.Text);
        await page.GotoAsync(fixture.BaseUrl + "/Account/Login", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Contains(requests, r => r.Contains("bootstrap.min.css", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.StartsWith(fixture.BaseUrl, r));
        var navBackground = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('nav')).backgroundColor");
        Assert.Equal("rgb(33, 37, 41)", navBackground);
        await page.Context.CloseAsync();
    }
}
