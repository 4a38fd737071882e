using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Access;
using Panah.Core.Demo;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;
using Panah.Data.Staff;

namespace Panah.Data.Demo;

/// <summary>A demo account and how to sign in with it.</summary>
public sealed record DemoLogin(string Role, string Email, string Password, string AuthenticatorKey)
{
    /// <summary>The account's field offices and programmes, as the start-up banner prints them.</summary>
    public StaffScope Scope { get; init; } = StaffScope.None;
}

/// <summary>Fills a database with synthetic households and demo accounts of every role, with different scopes.</summary>
public sealed class DemoSeeder(PanahDbContext db, RegistryStore store, AuditLog audit, UserManager<StaffUser> users, StaffAccounts accounts, TimeProvider clock, IEnumerable<IDemoPart> parts)
{
    public const string Domain = "demo.panah.invalid";
    public const string LoginsFile = "demo-logins.txt";
    private const int Batch = 500;

    /// <summary>Registers <paramref name="households"/> synthetic households; <paramref name="progress"/> gets the running count.</summary>
    public async Task<int> SeedHouseholdsAsync(int households, int seed, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var offices = await db.FieldOffices.AsNoTracking().ToDictionaryAsync(o => o.Code, ct);
        var generator = new DemoHouseholds(new Random(seed), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var people = 0;
        try
        {
            for (var done = 0; done < households;)
            {
                var n = Math.Min(Batch, households - done);
                for (var i = 0; i < n; i++)
                {
                    var h = generator.Next();
                    db.Households.Add(store.Build(offices[h.OfficeCode], h.Household, h.Members, out _));
                    people += h.Members.Count;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += n;
                progress?.Report(done);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await audit.SaveAsync(db, new AuditEvent("demo.seed", "household", null, $"households={households} people={people}"), ct);
        return people;
    }

    /// <summary>
    /// The demo's accounts and their scopes, to try need-to-know with: two registration officers in different offices
    /// (Kayseri, Istanbul), a case worker in the two Istanbul offices, the others in every office of their programme.
    /// </summary>
    private static readonly (string Name, string Role, string[] Offices, Programme[] Programmes)[] Accounts =
    [
        ("admin", Roles.Administrator, [], []),
        ("officer", Roles.RegistrationOfficer, ["KAY"], []),
        ("officer-ist", Roles.RegistrationOfficer, ["IST"], []),
        ("clerk", Roles.DistributionClerk, ["IST", "SEF", "KAY"], [Programme.Food]),
        ("teacher", Roles.Teacher, ["IST", "SEF", "KAY"], [Programme.Education]),
        ("caseworker", Roles.CaseWorker, ["IST", "SEF"], [Programme.Protection]),
        // The case worker's supervisor in the demo's protection team (a case worker by role, supervisor by position).
        ("supervisor", Roles.CaseWorker, ["IST", "SEF"], [Programme.Protection]),
        ("manager", Roles.ProgrammeManager, ["IST", "SEF", "KAY"], [Programme.Food, Programme.Education]),
        ("dpo", Roles.DataProtectionOfficer, ["IST", "SEF", "KAY"], [.. Programmes.All]),
        ("coordinator", Roles.EducationCoordinator, ["IST", "SEF", "KAY"], [Programme.Education]),
    ];

    /// <summary>The demo accounts, enrolled, created once; later calls return the same logins from the data directory, with each account's scope as it is now.</summary>
    public async Task<IReadOnlyList<DemoLogin>> EnsureAccountsAsync(string dataDirectory)
    {
        var logins = await KnownLoginsAsync(dataDirectory) ?? await CreateAccountsAsync(dataDirectory);
        var scopes = await accounts.ScopesAsync();
        var result = new List<DemoLogin>(logins.Count);
        foreach (var l in logins)
        {
            var user = await users.FindByEmailAsync(l.Email);
            result.Add(l with { Scope = user is not null && scopes.TryGetValue(user.Id, out var scope) ? scope : StaffScope.None });
        }
        return result;
    }

    /// <summary>The logins saved by an earlier start, when they are every demo account of this version and the accounts exist.</summary>
    private async Task<List<DemoLogin>?> KnownLoginsAsync(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, LoginsFile);
        if (!File.Exists(file))
        {
            return null;
        }
        var logins = (await File.ReadAllLinesAsync(file)).Select(l => l.Split('\t')).Where(p => p.Length == 4).Select(p => new DemoLogin(p[0], p[1], p[2], p[3])).ToList();
        var wanted = Accounts.Select(a => $"{a.Name}@{Domain}").ToHashSet();
        if (!wanted.SetEquals(logins.Select(l => l.Email)))
        {
            return null;
        }
        foreach (var l in logins)
        {
            if (await users.FindByEmailAsync(l.Email) is null)
            {
                return null;
            }
        }
        return logins;
    }

    private async Task<List<DemoLogin>> CreateAccountsAsync(string dataDirectory)
    {
        var logins = new List<DemoLogin>();
        foreach (var (name, role, offices, programmes) in Accounts)
        {
            var email = $"{name}@{Domain}";
            var user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                await users.DeleteAsync(user);
            }
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Demo {name}", CreatedAt = clock.GetUtcNow() };
            var password = StaffAccounts.NewPassword();
            await users.CreateAsync(user, password);
            await users.AddToRoleAsync(user, role);
            await accounts.SetScopeAsync(user, offices, programmes);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            logins.Add(new DemoLogin(role, email, password, (await users.GetAuthenticatorKeyAsync(user))!));
        }
        await using (var writer = new StreamWriter(OwnerOnlyFile.Open(Path.Combine(dataDirectory, LoginsFile), FileMode.Create)))
        {
            foreach (var l in logins)
            {
                await writer.WriteLineAsync($"{l.Role}\t{l.Email}\t{l.Password}\t{l.AuthenticatorKey}");
            }
        }
        await audit.SaveAsync(db, new AuditEvent("demo.accounts", "staff", null, $"count={logins.Count}"));
        return logins;
    }

    /// <summary>Every feature's demo data, in order; <paramref name="progress"/> gets each part's name as it starts.</summary>
    public async Task SeedPartsAsync(IProgress<string>? progress = null, CancellationToken ct = default)
    {
        // Seeding is system work over the whole demo registry, not a staff member's request.
        db.Scope.Everything("demo seeding");
        foreach (var part in parts.OrderBy(p => p.Order))
        {
            progress?.Report(part.Name);
            await part.SeedAsync(ct);
        }
    }
}
