using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Access;

/// <summary>The app on a clock the test moves, with break-glass grants of five minutes.</summary>
public abstract class BreakGlassApp(string provider) : PanahApp(provider)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:Access:BreakGlassMinutes", "5");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteBreakGlassApp() : BreakGlassApp("sqlite");

public sealed class PostgresBreakGlassApp() : BreakGlassApp("postgres");

/// <summary>Access outside one's offices: break-glass (alone, for a while, alerted) and share requests (decided by the owning office).</summary>
public abstract partial class BreakGlassTests(BreakGlassApp app)
{
    [Fact]
    public async Task Break_glass_opens_a_household_of_another_office_until_it_expires_and_alerts_the_dpo()
    {
        var (householdId, code) = await RegisterInKayseriAsync();
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        var officer = await StaffSession.SignInAsync(app, staff);
        var page = $"/Registry/Households/Details/{householdId}";
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(page)).StatusCode);

        var refused = await Html.PostFormAsync(officer, "/Access/BreakGlass", new Dictionary<string, string> { ["Input.HouseholdCode"] = code, ["Input.Reason"] = "short" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(page)).StatusCode);

        var opened = await Html.PostFormAsync(officer, "/Access/BreakGlass", new Dictionary<string, string>
        {
            ["Input.HouseholdCode"] = code,
            ["Input.Reason"] = "Family came to the Istanbul office after a night-time raid",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(page, opened.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(page)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var alert = await db.Alerts.SingleAsync(a => a.Kind == BreakGlass.AlertKind && a.StaffUserId == staff.User.Id);
            Assert.Contains($"household={householdId}", alert.Detail);
            Assert.DoesNotContain("raid", alert.Detail);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "access.breakglass" && e.EntityId == householdId.ToString()));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Detail != null && e.Detail.Contains("raid")));
        }

        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task A_granted_share_request_adds_the_household_to_the_requesters_scope()
    {
        var (householdId, code) = await RegisterInKayseriAsync();
        var requester = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["IST"]));
        var page = $"/Registry/Households/Details/{householdId}";
        var asked = await Html.PostFormAsync(requester, "/Access/ShareRequests", new Dictionary<string, string>
        {
            ["Input.HouseholdCode"] = code,
            ["Input.Reason"] = "Possible duplicate found while registering in Istanbul",
        });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await requester.GetAsync(page)).StatusCode);

        // An officer of another office that is not the owner's cannot decide it; an officer of Kayseri can.
        var bystander = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["SEF"]));
        Assert.DoesNotContain(code, await bystander.GetStringAsync("/Access/ShareRequests"));
        var owner = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["KAY"]));
        var html = await owner.GetStringAsync("/Access/ShareRequests");
        var request = RequestPattern().Match(html[html.IndexOf(code, StringComparison.Ordinal)..]);
        Assert.True(request.Success);
        var granted = await Html.PostFormAsync(owner, "/Access/ShareRequests", new Dictionary<string, string>
        {
            ["id"] = request.Groups["id"].Value,
            ["version"] = request.Groups["version"].Value,
            ["grant"] = "true",
        }, "/Access/ShareRequests?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await requester.GetAsync(page)).StatusCode);
    }

    [GeneratedRegex("name=\"id\" value=\"(?<id>[0-9a-f-]{36})\" /><input type=\"hidden\" name=\"version\" value=\"(?<version>\\d+)\"")]
    private static partial Regex RequestPattern();

    private async Task<(Guid Id, string Code)> RegisterInKayseriAsync()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var body = RegistryRequests.Household("Melikgazi", RegistryRequests.Person("Ablet", "Kadir"));
        body["fieldOffice"] = "KAY";
        var response = await officer.PostAsJsonAsync("/api/v1/households", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (json["id"]!.GetValue<Guid>(), json["code"]!.GetValue<string>());
    }
}

public sealed class SqliteBreakGlassTests(SqliteBreakGlassApp app) : BreakGlassTests(app), IClassFixture<SqliteBreakGlassApp>;

public sealed class PostgresBreakGlassTests(PostgresBreakGlassApp app) : BreakGlassTests(app), IClassFixture<PostgresBreakGlassApp>;
