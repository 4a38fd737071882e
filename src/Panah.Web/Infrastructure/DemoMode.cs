using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Panah.Data;
using Panah.Data.Demo;

namespace Panah.Web.Infrastructure;

/// <summary>
/// <c>--demo</c>: synthetic households and one enrolled account per role, with the sign-in details
/// printed on the console once the server listens. For exploring Panah, never for real data.
/// </summary>
public static class DemoMode
{
    public const int Households = 2000;

    public static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var options = scope.ServiceProvider.GetRequiredService<PanahDataOptions>();
        if (!await db.Households.AnyAsync())
        {
            Console.WriteLine($"Panah demo: registering {Households:N0} synthetic households…");
            await seeder.SeedHouseholdsAsync(Households, seed: 2026, new Progress<int>(n =>
            {
                if (n % 500 == 0)
                {
                    Console.WriteLine($"  {n:N0} / {Households:N0}");
                }
            }));
        }
        var logins = await seeder.EnsureAccountsAsync(options.DataDirectory);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("==================== Panah demo (synthetic data only) ====================");
            Console.WriteLine($" Open {string.Join(" or ", urls)} and sign in as any of these:");
            foreach (var l in logins)
            {
                Console.WriteLine($"   {l.Role,-22} {l.Email,-32} password: {l.Password}");
            }
            Console.WriteLine(" The two-step code page shows the current code for demo accounts;");
            Console.WriteLine(" or add the key from data/demo-logins.txt to any authenticator app.");
            Console.WriteLine("==========================================================================");
        });
    }
}
