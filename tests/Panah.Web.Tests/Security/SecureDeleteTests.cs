using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>Freed pages are overwritten on every connection the app opens, not only the one that ran the migrations.</summary>
public sealed class SecureDeleteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_new_connection_overwrites_what_it_deletes()
    {
        _ = app.AnonymousClient();
        var options = app.Services.GetRequiredService<PanahDataOptions>();
        // Start from connections that did not exist before: the pool is emptied first.
        using (var probe = new SqliteConnection(options.SqliteConnectionString()))
        {
            SqliteConnection.ClearPool(probe);
        }
        for (var i = 0; i < 3; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA secure_delete";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }
    }
}
