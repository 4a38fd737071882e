using System.Net.Http.Json;
using System.Text.Json;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Access;

/// <summary>
/// List totals are remembered for a while, per scope: an officer in one office never gets the total counted for
/// another. The class's app holds only the households registered here, so the totals are known.
/// </summary>
public abstract class ScopedCountTests(PanahApp app)
{
    [Fact]
    public async Task Officers_of_two_offices_get_their_own_people_totals_from_the_count_cache()
    {
        var registrar = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        foreach (var (office, given) in new[] { ("KAY", "Ablikim"), ("KAY", "Dilnur"), ("KAY", "Erkin"), ("IST", "Patigul") })
        {
            await OfficeHouseholds.RegisterAsync(registrar, office, RegistryRequests.Person(given, "Hoshur"));
        }
        var kayseri = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        var istanbul = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]);

        // Kayseri's total is counted first and remembered; Istanbul's request comes within the cache's lifetime.
        Assert.Equal(3, await TotalAsync(kayseri, "/api/v1/people"));
        Assert.Equal(1, await TotalAsync(istanbul, "/api/v1/people"));
        Assert.Equal(3, await TotalAsync(kayseri, "/api/v1/people"));
        Assert.Equal(1, await TotalAsync(istanbul, "/api/v1/households"));
        Assert.Equal(3, await TotalAsync(kayseri, "/api/v1/households"));
    }

    private static async Task<int> TotalAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();
}

public sealed class SqliteScopedCountTests(SqliteApp app) : ScopedCountTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresScopedCountTests(PostgresApp app) : ScopedCountTests(app), IClassFixture<PostgresApp>;
