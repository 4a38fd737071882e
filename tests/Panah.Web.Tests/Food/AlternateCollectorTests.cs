using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Food.RedeemRequests;

namespace Panah.Web.Tests.Food;

/// <summary>
/// Alternate collectors, named by a registration officer on the household's food page or through the API: a member of
/// the household or a person of another household, from the date they consented; the clerk then sees them on the card
/// and may hand them the food, until a withdrawal takes them off at once. Each change is audited with the person's id.
/// </summary>
public abstract class AlternateCollectorTests<TApp>(TApp app) where TApp : PanahApp
{
    private static string Page(SeededCard card) => $"/Food/Collectors/{card.HouseholdId}";

    private string Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    private async Task<List<Guid>> CollectorsOnTheCardAsync(HttpClient clerk, SeededCard card) =>
        (await JsonAsync(await clerk.GetAsync($"/api/v1/food/cards/{card.CardNumber}"))).GetProperty("collectors").EnumerateArray()
            .Select(c => c.GetProperty("personId").GetGuid()).ToList();

    private async Task<List<string>> AuditedAsync(string action, Guid person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.Subjects.Any(s => s.PersonId == person)).Select(e => e.EntityId!).ToListAsync();
    }

    [Fact]
    public async Task An_officer_names_a_member_on_the_household_page_the_clerk_sees_them_and_a_withdrawal_counts_at_once()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["KAY"]));
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var member = card.Others[0];

        var householdPage = await officer.GetAsync($"/Registry/Households/Details/{card.HouseholdId}");
        Assert.Equal(HttpStatusCode.OK, householdPage.StatusCode);
        var household = await householdPage.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Food/Collectors/{card.HouseholdId}\"", household);
        var page = await (await officer.GetAsync(Page(card))).Content.ReadAsStringAsync();
        Assert.Contains("id=\"no-collectors\"", page);
        Assert.Contains($"<option value=\"{member}\"", page);
        Assert.DoesNotContain($"<option value=\"{card.Head}\"", page);

        var future = await Html.PostFormAsync(officer, Page(card), new Dictionary<string, string> { ["Input.PersonId"] = member.ToString(), ["Input.ConsentedOn"] = "2999-01-01" }, Page(card) + "?handler=Name");
        Assert.Contains("The consent date cannot be after today.", await future.Content.ReadAsStringAsync());
        var head = await Html.PostFormAsync(officer, Page(card), new Dictionary<string, string> { ["Input.PersonId"] = card.Head.ToString(), ["Input.ConsentedOn"] = Today }, Page(card) + "?handler=Name");
        Assert.Contains("The head of household collects already.", await head.Content.ReadAsStringAsync());
        Assert.Equal([card.Head], await CollectorsOnTheCardAsync(clerk, card));

        var named = await Html.PostFormAsync(officer, Page(card), new Dictionary<string, string> { ["Input.PersonId"] = member.ToString(), ["Input.ConsentedOn"] = Today }, Page(card) + "?handler=Name");
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var listed = await (await officer.GetAsync(Page(card))).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"collector-{member}\"", listed);
        Assert.Contains($"id=\"withdraw-{member}\"", listed);
        Assert.Equal([card.Head, member], await CollectorsOnTheCardAsync(clerk, card));
        Assert.Equal([card.HouseholdId.ToString()], await AuditedAsync("food.collector.name", member));

        var withdrawn = await Html.PostFormAsync(officer, Page(card), new Dictionary<string, string> { ["person"] = member.ToString() }, Page(card) + "?handler=Withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal([card.Head], await CollectorsOnTheCardAsync(clerk, card));
        Assert.Equal([card.HouseholdId.ToString()], await AuditedAsync("food.collector.withdraw", member));
        var after = await (await officer.GetAsync(Page(card))).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"collector-{member}\"", after);
        Assert.DoesNotContain($"id=\"withdraw-{member}\"", after);
    }

    [Fact]
    public async Task The_api_names_a_person_of_another_household_refuses_twice_and_out_of_scope_and_withdraws()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var neighbour = await seed.HouseholdAsync(app);
        var elsewhere = await seed.HouseholdAsync(app, "IST");
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        var url = $"/api/v1/food/households/{card.HouseholdId}/collectors";

        var created = await officer.PostAsJsonAsync(url, new { personId = neighbour.Head, consentedOn = Today });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        Assert.Equal((neighbour.Code, true), (body.GetProperty("householdCode").GetString(), body.GetProperty("inForce").GetBoolean()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("name").GetString()));

        var again = await officer.PostAsJsonAsync(url, new { personId = neighbour.Head, consentedOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await JsonAsync(again)).GetProperty("errors").TryGetProperty("personId", out _));
        var outside = await officer.PostAsJsonAsync(url, new { personId = elsewhere.Head, consentedOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var noDate = await officer.PostAsJsonAsync(url, new { personId = neighbour.Others[0], consentedOn = (string?)null });
        Assert.True((await JsonAsync(noDate)).GetProperty("errors").TryGetProperty("consentedOn", out _));
        var otherOffice = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.DeleteAsync($"{url}/{neighbour.Head}")).StatusCode);

        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        Assert.Equal([card.Head, neighbour.Head], await CollectorsOnTheCardAsync(clerk, card));
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"{url}/{neighbour.Head}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"{url}/{neighbour.Head}")).StatusCode);
        Assert.Equal([card.Head], await CollectorsOnTheCardAsync(clerk, card));
        var listed = Assert.Single((await officer.GetFromJsonAsync<JsonElement>(url)).EnumerateArray());
        Assert.Equal((false, Today), (listed.GetProperty("inForce").GetBoolean(), listed.GetProperty("withdrawnOn").GetString()));

        // Named again after a withdrawal: a new consent, in force again.
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync(url, new { personId = neighbour.Head, consentedOn = Today })).StatusCode);
        Assert.Equal([card.Head, neighbour.Head], await CollectorsOnTheCardAsync(clerk, card));
    }
}

public sealed class SqliteAlternateCollectorTests(SqliteApp app) : AlternateCollectorTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresAlternateCollectorTests(PostgresApp app) : AlternateCollectorTests<PostgresApp>(app), IClassFixture<PostgresApp>;
