using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Platform;

/// <summary>A unique index that refuses a save is told apart from every other refusal, on both databases.</summary>
public abstract class DbErrorsTests(PanahApp app)
{
    private async Task<DbUpdateException> RefusedAsync(Action<PanahDbContext> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        write(db);
        return await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    private static Commodity NewCommodity(string code) => new() { Code = code, Name = "rice", Unit = "kg", PackGrams = 5_000, PackLabel = "5 kg bag", KcalPer100g = 360 };

    [Fact]
    public async Task A_second_row_with_the_same_unique_key_is_a_unique_violation()
    {
        var code = "u-" + Guid.NewGuid().ToString("N")[..10];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            db.Commodities.Add(NewCommodity(code));
            await db.SaveChangesAsync();
        }

        Assert.True(DbErrors.IsUniqueViolation(await RefusedAsync(db => db.Commodities.Add(NewCommodity(code)))));
    }

    [Fact]
    public async Task A_row_pointing_at_nothing_is_not_a_unique_violation()
    {
        var refused = await RefusedAsync(db => db.Baskets.Add(new Basket { Name = "fk-" + Guid.NewGuid().ToString("N")[..8], Kind = BasketKind.Ration, Items = [new BasketItem { CommodityId = int.MaxValue, Quantity = 1 }] }));

        Assert.False(DbErrors.IsUniqueViolation(refused));
    }
}

public sealed class SqliteDbErrorsTests(SqliteApp app) : DbErrorsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDbErrorsTests(PostgresApp app) : DbErrorsTests(app), IClassFixture<PostgresApp>;
