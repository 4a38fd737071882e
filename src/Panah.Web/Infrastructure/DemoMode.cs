using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Panah.Data;
using Panah.Data.Demo;

namespace Panah.Web.Infrastructure;

/// <summary>
/// <c>--demo</c>: synthetic households and one enrolled account per role, with the sign-in details
/// printed on the console once the server listens. For exploring Panah, never for real data: it runs
/// only on a data directory it created itself (and marked), or in Development on a database without
/// real registrations or accounts. No setting switches it on.
/// </summary>
public static class DemoMode
{
    public const string Flag = "--demo";
    public const string Setting = "Panah:Demo";

    /// <summary>Before anything is created: refuses a demo where it could touch real data; marks a new data directory as the demo's own.</summary>
    public static DemoData Check(bool requested, WebApplicationBuilder builder, PanahDataOptions options)
    {
        if (builder.Configuration[Setting] is not null)
        {
            throw new DemoRefusedException($"{Setting} (Panah__Demo) is not a setting: demo mode starts only with {Flag}, on a data directory of its own. Remove the setting.");
        }
        var demo = new DemoData(options, requested);
        if (!requested || demo.IsMarked)
        {
            return demo;
        }
        if (options.DatabaseInDataDirectory && new FileInfo(options.SqliteFile) is not { Exists: true, Length: > 0 })
        {
            OwnerOnlyFile.CreateDirectory(options.DataDirectory);
            demo.Mark();
            return demo;
        }
        if (builder.Environment.IsDevelopment())
        {
            return demo; // PrepareAsync checks the database for real data.
        }
        throw new DemoRefusedException(
            $"{Flag} runs only on a data directory it creates itself, and {options.DataDirectory} holds data it did not create. " +
            $"Nothing was changed. For the demo, start on a new directory, e.g. PANAH_DATA=./demo dotnet run --project src/Panah.Web -- {Flag}");
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var options = scope.ServiceProvider.GetRequiredService<PanahDataOptions>();
        var demo = scope.ServiceProvider.GetRequiredService<DemoData>();
        // Start-up, not a staff member's request: "does this database hold registrations?" must see all of them.
        scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("demo start-up check");
        if (!demo.IsMarked)
        {
            var domain = "@" + DemoSeeder.Domain;
            if (await db.Households.AnyAsync() || await db.Users.AnyAsync(u => u.Email == null || !u.Email.EndsWith(domain)))
            {
                throw new DemoRefusedException($"{Flag} never adds demo accounts to a database that holds real registrations or accounts. Nothing was changed. Use an empty data directory or database.");
            }
            if (options.DatabaseInDataDirectory)
            {
                demo.Mark();
            }
        }
        var households = app.Configuration.GetValue("Panah:DemoHouseholds", 2000);
        if (!await db.Households.AnyAsync())
        {
            Console.WriteLine($"Panah demo: registering {households:N0} synthetic households…");
            await seeder.SeedHouseholdsAsync(households, seed: 2026, new Progress<int>(n =>
            {
                if (n % 500 == 0)
                {
                    Console.WriteLine($"  {n:N0} / {households:N0}");
                }
            }));
        }
        var logins = await seeder.EnsureAccountsAsync(options.DataDirectory);
        await seeder.SeedPartsAsync(new Progress<string>(name => Console.WriteLine($"Panah demo: {name}…")));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("==================== Panah demo (synthetic data only) ====================");
            Console.WriteLine($" Open {string.Join(" or ", urls)} and sign in as any of these:");
            foreach (var l in logins)
            {
                Console.WriteLine($"   {l.Role,-22} {l.Email,-32} password: {l.Password}  {ScopeOf(l.Scope)}");
            }
            Console.WriteLine(" The two-step code page shows the current code for demo accounts;");
            Console.WriteLine($" or add the key from {Path.Combine(options.DataDirectory, DemoSeeder.LoginsFile)} to any authenticator app.");
            Console.WriteLine("==========================================================================");
        });
    }

    /// <summary>"offices KAY; programmes food": what the account's lists will show.</summary>
    private static string ScopeOf(Panah.Data.Staff.StaffScope scope) =>
        $"offices {(scope.Offices.Count == 0 ? "none" : string.Join(",", scope.Offices))}; " +
        $"programmes {(scope.Programmes.Count == 0 ? "none" : string.Join(",", scope.Programmes).ToLowerInvariant())}";
}

/// <summary>Whether the data directory is the demo's own: Panah created its database for <c>--demo</c> and marked it.</summary>
public sealed class DemoData(PanahDataOptions options, bool requested)
{
    public const string MarkerFile = "demo-data";

    /// <summary>The app was started with <c>--demo</c> and allowed to run it.</summary>
    public bool Requested { get; } = requested;

    /// <summary>Only a SQLite database inside a marked directory counts: a marker cannot vouch for a database elsewhere.</summary>
    public bool IsMarked => options.DatabaseInDataDirectory && File.Exists(Path.Combine(options.DataDirectory, MarkerFile));

    public void Mark()
    {
        using var marker = new StreamWriter(OwnerOnlyFile.Open(Path.Combine(options.DataDirectory, MarkerFile), FileMode.Create));
        marker.WriteLine("Created by panah --demo: synthetic data only. Demo accounts and their sign-in hints work only here.");
    }
}

/// <summary>A demo that would touch real data: the app stops before changing anything.</summary>
public sealed class DemoRefusedException(string message) : Exception(message);
