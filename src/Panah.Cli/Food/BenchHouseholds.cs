using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Entities;

namespace Panah.Cli.Food;

/// <summary>
/// Households for the food benchmark only: rows with the fields generation reads kept in clear (office, district,
/// status, members, specific needs) and random bytes where sealed personal data would be, so that 50,000 households
/// are in the database in a minute instead of the hour full registration (encryption, search tokens) takes on a loaded
/// two-core machine. A benchmark database, not one to register or read people in.
/// </summary>
internal static class BenchHouseholds
{
    private const int Batch = 1_000;

    public static async Task AddAsync(PanahDbContext db, int count, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(seed);
        var offices = await db.FieldOffices.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var done = 0; done < count; done += Batch)
            {
                for (var i = done; i < Math.Min(count, done + Batch); i++)
                {
                    var office = offices[random.Next(offices.Count)];
                    var district = $"Bench district {random.Next(20)}";
                    var household = new HouseholdRecord
                    {
                        Id = Guid.CreateVersion7(),
                        Code = $"BN{seed % 1000:D3}-{i:D7}",
                        FieldOfficeId = office,
                        District = district,
                        Status = HouseholdStatus.Active,
                        RegisteredOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(700)),
                        DataKeyId = Key(db, random, now),
                        Sealed = Bytes(random, 48),
                        CreatedAt = now,
                        UpdatedAt = now,
                    };
                    var members = 1 + random.Next(8);
                    for (var m = 0; m < members; m++)
                    {
                        var person = new PersonRecord
                        {
                            Id = Guid.CreateVersion7(),
                            HouseholdId = household.Id,
                            District = district,
                            FieldOfficeId = office,
                            Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                            BirthYear = 1950 + random.Next(75),
                            Relationship = m == 0 ? Relationship.Head : Relationship.Child,
                            Vulnerabilities = random.Next(10) == 0 ? Vulnerability.Disability : Vulnerability.None,
                            PermitExpiresOn = random.Next(3) == 0 ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-60, 700)) : null,
                            DataKeyId = Key(db, random, now),
                            Sealed = Bytes(random, 64),
                            CreatedAt = now,
                            UpdatedAt = now,
                        };
                        household.Members.Add(person);
                        household.HeadPersonId ??= person.Id;
                    }
                    household.MemberCount = members;
                    db.Households.Add(household);
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private static Guid Key(PanahDbContext db, Random random, DateTimeOffset now)
    {
        var key = new DataKey { Id = Guid.CreateVersion7(), Wrapped = Bytes(random, 60), CreatedAt = now };
        db.DataKeys.Add(key);
        return key.Id;
    }

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
