using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Access;

/// <summary>
/// Need-to-know for food assistance, cell by cell: every request naming an entitlement or a card × distribution clerk
/// and programme manager, each working in KAY, for a household of KAY (own office) and one of IST (other office). Each
/// cell gets households, an entitlement and a card of its own, so that no request changes what another one finds.
/// Expectations are written out below, not derived from the production rules; 1 / 0 = listed or not.
/// </summary>
public abstract class FoodScopeMatrixTests(PanahApp app)
{
    private static readonly (string Role, string Request, int Own, int Other)[] Expected =
    [
        (Roles.DistributionClerk, "GET /api/v1/food/entitlements/{entitlement}", 200, 404),
        (Roles.DistributionClerk, "GET /api/v1/food/entitlements?cycleId={cycle} (seen)", 1, 0),
        (Roles.DistributionClerk, "POST /api/v1/food/entitlements/{entitlement}/cancel", 403, 403),
        (Roles.DistributionClerk, "GET /api/v1/food/cards/{card}", 200, 404),
        (Roles.DistributionClerk, "POST /api/v1/food/cards (a household without a card)", 201, 404),
        (Roles.DistributionClerk, "POST /api/v1/food/cards/{card}/revoke", 200, 404),
        (Roles.DistributionClerk, "POST /api/v1/food/cards/{card}/reissue", 201, 404),
        (Roles.ProgrammeManager, "GET /api/v1/food/entitlements/{entitlement}", 200, 404),
        (Roles.ProgrammeManager, "GET /api/v1/food/entitlements?cycleId={cycle} (seen)", 1, 0),
        (Roles.ProgrammeManager, "POST /api/v1/food/entitlements/{entitlement}/cancel", 200, 404),
        (Roles.ProgrammeManager, "GET /api/v1/food/cards/{card}", 403, 403),
        (Roles.ProgrammeManager, "POST /api/v1/food/cards (a household without a card)", 201, 404),
        (Roles.ProgrammeManager, "POST /api/v1/food/cards/{card}/revoke", 200, 404),
        (Roles.ProgrammeManager, "POST /api/v1/food/cards/{card}/reissue", 201, 404),
    ];

    private sealed record Subject(int Cycle, Guid Entitlement, Guid Household, Guid Bare, string Card);

    /// <summary>A household of <paramref name="office"/> with an approved entitlement and an active card, and one with neither.</summary>
    private async Task<Subject> SubjectAsync(string office, int commodity, int seed)
    {
        var households = await FoodSeed.HouseholdsAsync(app, seed, [office, office]);
        var point = await FoodSeed.LocationAsync(app, office);
        var cycle = await FoodSeed.CycleAsync(app, [commodity], [point.Id]);
        var entitlement = await FoodSeed.EntitlementAsync(app, cycle, households[0], [commodity], 2);
        await using var scope = FoodSeed.Everything(app, out _);
        var card = await scope.ServiceProvider.GetRequiredService<CardIssuance>().IssueAsync(households[0].Id, CancellationToken.None);
        return new Subject(cycle, entitlement, households[0].Id, households[1].Id, card.Card!.Number);
    }

    private static async Task<int> CallAsync(HttpClient client, string request, Subject s)
    {
        var (method, path) = (request[..request.IndexOf(' ')], request[(request.IndexOf(' ') + 1)..]);
        var url = path.Split(' ')[0].Replace("{entitlement}", s.Entitlement.ToString()).Replace("{card}", s.Card).Replace("{cycle}", s.Cycle.ToString());
        if (request.EndsWith("(seen)", StringComparison.Ordinal))
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            return page.GetProperty("items").EnumerateArray().Any(e => e.GetProperty("id").GetGuid() == s.Entitlement) ? 1 : 0;
        }
        object body = url.EndsWith("/cards", StringComparison.Ordinal) ? new { householdId = s.Bare } : url.EndsWith("/cancel", StringComparison.Ordinal) ? new { reason = "moved away" } : new { reason = "lost" };
        var response = method == "POST" ? await client.PostAsJsonAsync(url, body) : await client.GetAsync(url);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Every_food_request_naming_an_entitlement_or_a_card_answers_as_written_for_own_and_other_office()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            [Roles.DistributionClerk] = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]),
            [Roles.ProgrammeManager] = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]),
        };
        var commodity = (await FoodSeed.CommodityAsync(app)).Id;

        var wrong = new List<string>();
        var seed = 900;
        foreach (var (role, request, ownExpected, otherExpected) in Expected)
        {
            var own = await SubjectAsync("KAY", commodity, seed++);
            var other = await SubjectAsync("IST", commodity, seed++);
            var got = (await CallAsync(clients[role], request, own), await CallAsync(clients[role], request, other));
            if (got != (ownExpected, otherExpected))
            {
                wrong.Add($"{role} {request}: expected {ownExpected}/{otherExpected}, got {got.Item1}/{got.Item2}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

public sealed class SqliteFoodScopeMatrixTests(SqliteApp app) : FoodScopeMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresFoodScopeMatrixTests(PostgresApp app) : FoodScopeMatrixTests(app), IClassFixture<PostgresApp>;
