using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>Disabling staff asks for confirmation and never leaves Panah without an administrator (its own database: it counts administrators).</summary>
public abstract class AdministratorTests(PanahApp app)
{
    private async Task<bool> IsDisabledAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(id))!.IsDisabled;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient admin, string handler, string id) =>
        Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>(), $"/Admin/Users?handler={handler}&id={id}");

    [Fact]
    public async Task The_last_administrator_cannot_be_disabled_and_others_only_after_confirming()
    {
        var first = await app.CreateStaffAsync(Roles.Administrator);
        var admin = await StaffSession.SignInAsync(app, first);

        var self = await PostAsync(admin, "Disable", first.User.Id);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("last enabled administrator", await self.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, "DisableConfirmed", first.User.Id)).StatusCode);
        Assert.False(await IsDisabledAsync(first.User.Id));

        var second = await app.CreateStaffAsync(Roles.Administrator);
        var asked = await PostAsync(admin, "Disable", second.User.Id);
        Assert.Contains("id=\"confirm-disable\"", await asked.Content.ReadAsStringAsync());
        Assert.False(await IsDisabledAsync(second.User.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, "DisableConfirmed", second.User.Id)).StatusCode);
        Assert.True(await IsDisabledAsync(second.User.Id));

        // With the second disabled, the first is the last one again.
        await PostAsync(admin, "DisableConfirmed", first.User.Id);
        Assert.False(await IsDisabledAsync(first.User.Id));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }
}

public sealed class SqliteAdministratorTests(SqliteApp app) : AdministratorTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdministratorTests(PostgresApp app) : AdministratorTests(app), IClassFixture<PostgresApp>;
