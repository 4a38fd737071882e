using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Panah.Web.Tests.Account;

/// <summary>
/// Unknown, wrong-password, locked and disabled accounts answer alike in text and in time: the median
/// of many tries per case, interleaved so machine load hits every case alike, within a factor of 3.
/// </summary>
public sealed partial class SignInTimingTests(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    private const int Tries = 15;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"|value=\"[^\"]*\"")]
    private static partial Regex Values();

    [Fact]
    public async Task Every_refusal_takes_the_same_time_and_says_the_same()
    {
        var wrong = await app.CreateStaffAsync(Roles.Teacher);
        var locked = await app.CreateStaffAsync(Roles.Teacher);
        var disabled = await app.CreateStaffAsync(Roles.Teacher);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.User.Id))!, DateTimeOffset.UtcNow.AddDays(1));
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetDisabledAsync((await users.FindByIdAsync(disabled.User.Id))!, true);
        }
        // Locked and disabled accounts are tried with their right password: even that must not show.
        var cases = new (string Name, string Email, string Password)[]
        {
            ("unknown", "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@test.panah.invalid", "wrong-password-123"),
            ("wrong password", wrong.Email, "wrong-password-123"),
            ("locked", locked.Email, locked.Password),
            ("disabled", disabled.Email, disabled.Password),
        };
        var client = app.AnonymousClient();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
        var times = cases.Select(_ => new List<double>()).ToArray();
        var pages = new string[cases.Length];
        for (var round = 0; round < Tries + 1; round++)
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = cases[i].Email, ["Password"] = cases[i].Password, ["__RequestVerificationToken"] = token });
                // Each round from its own address: one address is stopped after a few failures on an account.
                using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = form };
                request.Headers.Add(PanahApp.ClientAddressHeader, $"192.0.2.{round + 1}");
                var watch = Stopwatch.StartNew();
                var response = await client.SendAsync(request);
                var html = await response.Content.ReadAsStringAsync();
                watch.Stop();
                // The first round warms up every path (JIT, caches) and is not counted.
                if (round > 0)
                {
                    times[i].Add(watch.Elapsed.TotalMilliseconds);
                }
                pages[i] = Values().Replace(html, "");
                Assert.Contains("Sign-in failed", html);
            }
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            // Keep the wrong-password account from locking: it must stay the "wrong password" case.
            await users.ResetAccessFailedCountAsync((await users.FindByIdAsync(wrong.User.Id))!);
        }
        var medians = times.Select(t => t.Order().ElementAt(t.Count / 2)).ToArray();
        for (var i = 0; i < cases.Length; i++)
        {
            output.WriteLine($"{cases[i].Name}: median {medians[i]:F1} ms");
            Assert.Equal(pages[0], pages[i]);
        }
        Assert.True(medians.Max() / medians.Min() < 3, "Medians differ more than 3x: " + string.Join(", ", medians.Select(m => m.ToString("F1"))));
    }
}
