using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>Issuing, revoking and reissuing cards through the API, and what the redeem side's look-up then finds.</summary>
public abstract class CardTests(PanahApp app)
{
    /// <summary>What a point's look-up finds for a number or a token, with every office in scope.</summary>
    private async Task<FoodCard?> FindAsync(string numberOrToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test");
        return await scope.ServiceProvider.GetRequiredService<CardLookup>().FindActiveAsync(numberOrToken, CancellationToken.None);
    }

    private string Token(Guid cardId)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<CardTokens>().Sign(cardId);
    }

    [Fact]
    public async Task An_issued_card_is_found_by_its_number_in_any_form_and_by_its_token()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var (household, _) = await CardRequests.RegisterAsync(officer, "Nurgul");
        var card = await CardRequests.IssueAsync(manager, household);
        var number = card.GetProperty("number").GetString()!;
        var id = card.GetProperty("id").GetGuid();
        Assert.Equal(1, card.GetProperty("sequence").GetInt32());
        Assert.Equal("active", card.GetProperty("status").GetString());

        Assert.Equal(id, (await FindAsync(number))?.Id);
        Assert.Equal(id, (await FindAsync(number.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()))?.Id);
        Assert.Equal(id, (await FindAsync(Token(id)))?.Id);
        // A second card while the first is active is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync("/api/v1/food/cards", new { householdId = household })).StatusCode);
    }

    [Fact]
    public async Task A_forged_or_altered_token_finds_nothing()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var (household, _) = await CardRequests.RegisterAsync(officer, "Gulnar");
        var id = (await CardRequests.IssueAsync(manager, household)).GetProperty("id").GetGuid();
        var token = Token(id);
        Assert.Equal(CardTokens.Length, token.Length);

        for (var i = 0; i < token.Length; i++)
        {
            var altered = token.ToCharArray();
            altered[i] = altered[i] == 'A' ? 'B' : 'A';
            Assert.Null(await FindAsync(new string(altered)));
        }
        // The same card id with a MAC under another key, the id without a MAC, and a well-formed number that is no card.
        using var other = System.Security.Cryptography.IncrementalHash.CreateHMAC(System.Security.Cryptography.HashAlgorithmName.SHA256, new byte[32]);
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
        other.AppendData("panah/food-card/v1"u8);
        other.AppendData(bytes.AsSpan(0, 17));
        other.GetHashAndReset().AsSpan(0, 16).CopyTo(bytes.AsSpan(17));
        Assert.Null(await FindAsync(System.Buffers.Text.Base64Url.EncodeToString(bytes)));
        Assert.Null(await FindAsync(System.Buffers.Text.Base64Url.EncodeToString(bytes.AsSpan(0, 17))));
        Assert.Null(await FindAsync(id.ToString()));
        Assert.Null(await FindAsync(""));
    }

    [Fact]
    public async Task A_revoked_card_fails_at_once_by_number_and_by_token()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["IST"]);
        var (household, _) = await CardRequests.RegisterAsync(officer, "Mihrigul");
        var card = await CardRequests.IssueAsync(clerk, household);
        var number = card.GetProperty("number").GetString()!;
        var token = Token(card.GetProperty("id").GetGuid());
        Assert.NotNull(await FindAsync(number));

        var revoked = await CardRequests.RevokeAsync(clerk, number, "stolen");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var body = await revoked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("revoked", body.GetProperty("status").GetString());
        Assert.Equal("stolen", body.GetProperty("revokedReason").GetString());
        Assert.Null(await FindAsync(number));
        Assert.Null(await FindAsync(token));
        Assert.Equal(HttpStatusCode.Conflict, (await CardRequests.RevokeAsync(clerk, number)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CardRequests.RevokeAsync(clerk, number, "forgotten")).StatusCode);
    }

    [Fact]
    public async Task Reissuing_makes_a_new_number_and_token_and_the_old_card_stops_working()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var (household, _) = await CardRequests.RegisterAsync(officer, "Abdulla");
        var old = await CardRequests.IssueAsync(manager, household);
        var oldNumber = old.GetProperty("number").GetString()!;
        var oldToken = Token(old.GetProperty("id").GetGuid());

        var response = await CardRequests.ReissueAsync(manager, oldNumber, "damaged");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var fresh = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = fresh.GetProperty("number").GetString()!;
        Assert.NotEqual(oldNumber, number);
        Assert.Equal(2, fresh.GetProperty("sequence").GetInt32());
        Assert.Null(await FindAsync(oldNumber));
        Assert.Null(await FindAsync(oldToken));
        Assert.Equal(fresh.GetProperty("id").GetGuid(), (await FindAsync(number))?.Id);
        Assert.Equal(fresh.GetProperty("id").GetGuid(), (await FindAsync(Token(fresh.GetProperty("id").GetGuid())))?.Id);
        // The old card cannot be reissued a second time: only the household's latest card can.
        Assert.Equal(HttpStatusCode.Conflict, (await CardRequests.ReissueAsync(manager, oldNumber)).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var cards = await db.FoodCards.IgnoreQueryFilters().Where(c => c.HouseholdId == household).OrderBy(c => c.Sequence).ToListAsync();
        Assert.Equal([CardStatus.Revoked, CardStatus.Active], cards.Select(c => c.Status));
        Assert.Equal(nameof(CardRevocationReason.Damaged), cards[0].RevokedReason);
    }

    [Fact]
    public async Task A_clerk_of_another_office_cannot_issue_revoke_or_reissue_the_card()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var elsewhere = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var (household, _) = await CardRequests.RegisterAsync(officer, "Rozigul", office: "IST");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.PostAsJsonAsync("/api/v1/food/cards", new { householdId = household })).StatusCode);
        var number = (await CardRequests.IssueAsync(manager, household)).GetProperty("number").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await CardRequests.RevokeAsync(elsewhere, number)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CardRequests.ReissueAsync(elsewhere, number)).StatusCode);
        Assert.NotNull(await FindAsync(number));
    }

    [Fact]
    public async Task Two_reissues_of_one_card_at_once_leave_one_active_card()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var (household, _) = await CardRequests.RegisterAsync(officer, "Tursunay");
        var number = (await CardRequests.IssueAsync(manager, household)).GetProperty("number").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => CardRequests.ReissueAsync(manager, number)));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        Assert.Equal(1, await db.FoodCards.IgnoreQueryFilters().CountAsync(c => c.HouseholdId == household && c.Status == CardStatus.Active));
    }
}

public sealed class SqliteCardTests(SqliteApp app) : CardTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCardTests(PostgresApp app) : CardTests(app), IClassFixture<PostgresApp>;
