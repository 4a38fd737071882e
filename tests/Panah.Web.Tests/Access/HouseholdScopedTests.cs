using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Demo;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Access;

/// <summary>
/// A feature's row that implements <see cref="IHouseholdScoped"/> is filtered like its household: by the staff
/// member's offices and grants, with nothing written in the feature. Shown on food entitlements.
/// </summary>
public abstract class HouseholdScopedTests<TApp>(TApp app) where TApp : PanahApp
{
    [Fact]
    public async Task Rows_that_belong_to_a_household_follow_its_office_and_grants()
    {
        var (kay, ist) = await SeedAsync();

        Assert.Equal([kay.Entitlement], await EntitlementsSeenAsync(s => s.ForStaff("officer", [Roles.RegistrationOfficer], [kay.Office], [], [])));
        Assert.Equal(new[] { kay.Entitlement, ist.Entitlement }.Order(), await EntitlementsSeenAsync(s => s.ForStaff("officer", [Roles.RegistrationOfficer], [kay.Office], [], [ist.Household])));
        Assert.Empty(await EntitlementsSeenAsync(s => s.ForStaff("teacher", [Roles.Teacher], [kay.Office, ist.Office], [], [])));
        Assert.Empty(await EntitlementsSeenAsync(_ => { }));
        Assert.Equal(new[] { kay.Entitlement, ist.Entitlement }.Order(), await EntitlementsSeenAsync(s => s.Everything("test inspection")));
    }

    private async Task<List<Guid>> EntitlementsSeenAsync(Action<AccessScope> scopeFor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scopeFor(scope.ServiceProvider.GetRequiredService<AccessScope>());
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var marked = await db.Entitlements.Where(e => e.StatusReason == Marker).Select(e => e.Id).ToListAsync();
        return [.. marked.Order()];
    }

    private string Marker { get; } = "scope-test-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<((int Office, Guid Household, Guid Entitlement) Kay, (int Office, Guid Household, Guid Entitlement) Ist)> SeedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
        var offices = await db.FieldOffices.ToDictionaryAsync(o => o.Code);
        var generator = new DemoHouseholds(new Random(7), new DateOnly(2026, 12, 1));
        var commodity = new Commodity { Code = Marker, Name = "maize meal", Unit = "kg", PackGrams = 25_000, PackLabel = "25 kg sack", KcalPer100g = 360 };
        var basket = new Basket { Name = Marker, Kind = BasketKind.Ration, Items = [new BasketItem { Commodity = commodity, Quantity = 400 }] };
        var programme = new FoodProgramme { Name = Marker };
        var cycle = new DistributionCycle { Name = Marker, Programme = programme, Basket = basket, DaysCovered = 30, StartsOn = new DateOnly(2026, 12, 1), EndsOn = new DateOnly(2026, 12, 31) };
        db.DistributionCycles.Add(cycle);
        var made = new List<(int, Guid, Guid)>();
        foreach (var code in new[] { "KAY", "IST" })
        {
            var h = generator.Next();
            var household = store.Build(offices[code], h.Household, h.Members, out _);
            db.Households.Add(household);
            var entitlement = new Entitlement { Id = Guid.NewGuid(), Cycle = cycle, HouseholdId = household.Id, FieldOfficeId = household.FieldOfficeId, Members = h.Members.Count, StatusReason = Marker };
            db.Entitlements.Add(entitlement);
            made.Add((household.FieldOfficeId, household.Id, entitlement.Id));
        }
        await db.SaveChangesAsync();
        return (made[0], made[1]);
    }
}

public sealed class SqliteHouseholdScopedTests(SqliteApp app) : HouseholdScopedTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresHouseholdScopedTests(PostgresApp app) : HouseholdScopedTests<PostgresApp>(app), IClassFixture<PostgresApp>;
