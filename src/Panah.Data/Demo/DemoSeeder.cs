using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Demo;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;
using Panah.Data.Staff;

namespace Panah.Data.Demo;

/// <summary>A demo account and how to sign in with it.</summary>
public sealed record DemoLogin(string Role, string Email, string Password, string AuthenticatorKey);

/// <summary>Fills a database with synthetic households and one demo account per role.</summary>
public sealed class DemoSeeder(PanahDbContext db, RegistryStore store, AuditLog audit, UserManager<StaffUser> users, TimeProvider clock, IEnumerable<IDemoPart> parts)
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

    /// <summary>One enrolled account per role, created once; later calls return the same logins from the data directory.</summary>
    public async Task<IReadOnlyList<DemoLogin>> EnsureAccountsAsync(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, LoginsFile);
        if (File.Exists(file) && await users.FindByEmailAsync($"officer@{Domain}") is not null)
        {
            return (await File.ReadAllLinesAsync(file)).Select(l => l.Split('\t')).Select(p => new DemoLogin(p[0], p[1], p[2], p[3])).ToList();
        }
        var logins = new List<DemoLogin>();
        foreach (var role in Roles.All)
        {
            var email = $"{Short(role)}@{Domain}";
            var user = await users.FindByEmailAsync(email);
            if (user is not null)
            {
                await users.DeleteAsync(user);
            }
            user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Demo {role}", CreatedAt = clock.GetUtcNow() };
            var password = StaffAccounts.NewPassword();
            await users.CreateAsync(user, password);
            await users.AddToRoleAsync(user, role);
            // Different scopes to try need-to-know with: the officer works in Kayseri only, everyone else in every office and programme.
            var offices = await db.FieldOffices.AsNoTracking().Where(o => role != Roles.RegistrationOfficer || o.Code == "KAY").Select(o => o.Id).ToListAsync();
            db.StaffOffices.AddRange(offices.Select(id => new Access.StaffOffice { StaffUserId = user.Id, FieldOfficeId = id }));
            db.StaffProgrammes.AddRange(Core.Access.Programmes.All.Select(p => new Access.StaffProgramme { StaffUserId = user.Id, Programme = p }));
            await db.SaveChangesAsync();
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            logins.Add(new DemoLogin(role, email, password, (await users.GetAuthenticatorKeyAsync(user))!));
        }
        await using (var writer = new StreamWriter(OwnerOnlyFile.Open(file, FileMode.Create)))
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
        foreach (var part in parts.OrderBy(p => p.Order))
        {
            progress?.Report(part.Name);
            await part.SeedAsync(ct);
        }
    }

    private static string Short(string role) => role switch
    {
        Roles.Administrator => "admin",
        Roles.RegistrationOfficer => "officer",
        Roles.DistributionClerk => "clerk",
        Roles.Teacher => "teacher",
        Roles.CaseWorker => "caseworker",
        Roles.ProgrammeManager => "manager",
        _ => "dpo",
    };
}
