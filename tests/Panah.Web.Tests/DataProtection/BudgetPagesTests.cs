using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Budgets;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The data protection officer's pages: blocked accounts and their lift, service budgets, open alerts.</summary>
public abstract class BudgetPagesTests(SmallBudgetApp app)
{
    private async Task<(TestStaff Staff, HttpClient Token)> BlockedAsync(string role = Roles.RegistrationOfficer)
    {
        var staff = await app.CreateStaffAsync(role);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "script", 1);
        var token = app.ClientWithToken(secret);
        var (_, refusal) = await ReadBudgetTests.PageUntilRefusedAsync(token, "/api/v1/people?pageSize=20");
        Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
        return (staff, token);
    }

    private async Task<HttpClient> OfficerAsync() => await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer));

    [Fact]
    public async Task The_officer_lifts_a_block_and_the_account_reads_again_audited_by_id()
    {
        var (staff, token) = await BlockedAsync();
        var dpo = await OfficerAsync();

        var page = await (await dpo.GetAsync("/DataProtection/Budgets")).Content.ReadAsStringAsync();
        Assert.Contains($"data-account=\"{staff.User.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains(staff.Email, page, StringComparison.Ordinal);
        var lift = await Html.PostFormAsync(dpo, "/DataProtection/Budgets", new Dictionary<string, string>(), $"/DataProtection/Budgets?handler=Lift&id={staff.User.Id}");
        Assert.Equal(HttpStatusCode.Redirect, lift.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/people?pageSize=20")).StatusCode);
        Assert.DoesNotContain($"data-account=\"{staff.User.Id}\"", await (await dpo.GetAsync("/DataProtection/Budgets")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "budget.lift" && e.EntityId == staff.User.Id);
        Assert.DoesNotContain("@", entry.Actor + entry.Detail);
    }

    [Fact]
    public async Task An_officer_cannot_lift_the_block_on_their_own_account()
    {
        var (staff, token) = await BlockedAsync(Roles.DataProtectionOfficer);
        var self = await StaffSession.SignInAsync(app, staff);

        var lift = await Html.PostFormAsync(self, "/DataProtection/Budgets", new Dictionary<string, string>(), $"/DataProtection/Budgets?handler=Lift&id={staff.User.Id}");

        Assert.Equal(HttpStatusCode.OK, lift.StatusCode);
        Assert.Contains("another data protection officer must", await lift.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await token.GetAsync("/api/v1/people?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task A_service_account_reads_past_the_default_once_the_officer_grants_it_a_budget()
    {
        var service = await app.CreateServiceAccountAsync(Roles.RegistrationOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueForServiceAccountAsync(service, "sync", 1);
        var dpo = await OfficerAsync();

        var grant = await Html.PostFormAsync(dpo, "/DataProtection/Budgets",
            new Dictionary<string, string> { ["Input.AccountId"] = service.Id, ["Input.PerHour"] = "100", ["Input.PerDay"] = "150" }, "/DataProtection/Budgets?handler=Grant");
        Assert.Equal(HttpStatusCode.Redirect, grant.StatusCode);

        var (shown, refusal) = await ReadBudgetTests.PageUntilRefusedAsync(app.ClientWithToken(secret), "/api/v1/people?pageSize=20");
        Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
        Assert.Equal(100, shown);
        Assert.True(shown > SmallBudgetApp.ServicePerHour);
        Assert.Single(await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.Action == "budget.grant" && e.EntityId == service.Id && e.Detail == "hour=100 day=150").ToListAsync());
    }

    [Fact]
    public async Task The_alerts_page_lists_the_budget_alert_and_resolves_it()
    {
        var (staff, _) = await BlockedAsync();
        var alert = Assert.Single(await app.AlertsAboutAsync(staff.User.Id));
        var dpo = await OfficerAsync();

        var page = await (await dpo.GetAsync("/DataProtection/Alerts")).Content.ReadAsStringAsync();
        Assert.Contains($"data-alert=\"{alert.Id}\" data-kind=\"{ReadBudgets.AlertKind}\"", page, StringComparison.Ordinal);
        Assert.Contains("Read budget crossed: account blocked", page, StringComparison.Ordinal);
        var resolve = await Html.PostFormAsync(dpo, "/DataProtection/Alerts", new Dictionary<string, string>(), $"/DataProtection/Alerts?handler=Resolve&id={alert.Id}");

        Assert.Equal(HttpStatusCode.Redirect, resolve.StatusCode);
        Assert.NotNull(Assert.Single(await app.AlertsAboutAsync(staff.User.Id)).ResolvedAt);
        Assert.DoesNotContain($"data-alert=\"{alert.Id}\"", await (await dpo.GetAsync("/DataProtection/Alerts")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_roles_do_not_reach_the_budgets_page()
    {
        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));

        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync("/DataProtection/Budgets")).Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains("/Account/AccessDenied", (await admin.GetAsync("/DataProtection/Alerts")).Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}

public sealed class SqliteBudgetPagesTests(SqliteSmallBudgetApp app) : BudgetPagesTests(app), IClassFixture<SqliteSmallBudgetApp>;

public sealed class PostgresBudgetPagesTests(PostgresSmallBudgetApp app) : BudgetPagesTests(app), IClassFixture<PostgresSmallBudgetApp>;
