using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Crypto;
using Panah.Data.Entities;
using Panah.Data.Keys;
using Panah.Data.Staff;

namespace Panah.Data;

/// <summary>Brings a database up to date at start-up: migrations, SQLite settings, the root secrets, roles and the first field offices.</summary>
public static class PanahDatabase
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and one writer work at once; secure_delete overwrites freed pages.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON;", ct);
        }
        await RootSecrets.LoadAsync(db, scope.ServiceProvider.GetRequiredService<KeyRing>(), ct);
        var roles = scope.ServiceProvider.GetService<RoleManager<IdentityRole>>();
        if (roles is not null)
        {
            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
        }
        if (!await db.FieldOffices.AnyAsync(ct))
        {
            db.FieldOffices.AddRange(
                new FieldOffice { Code = "IST", Name = "Istanbul — Zeytinburnu" },
                new FieldOffice { Code = "SEF", Name = "Istanbul — Sefaköy" },
                new FieldOffice { Code = "KAY", Name = "Kayseri" });
            await db.SaveChangesAsync(ct);
        }
        await Food.CommoditySeed.EnsureAsync(db, ct);
    }
}
