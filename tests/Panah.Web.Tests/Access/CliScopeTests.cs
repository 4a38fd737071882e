using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Access;

/// <summary><c>user add --offices --programmes</c> and <c>user scope</c>: the account's scope, and a change of it ends its sessions.</summary>
public sealed class CliScopeTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task User_add_and_user_scope_set_offices_and_programmes_and_a_change_renews_the_security_stamp()
    {
        var email = $"scope-{Guid.NewGuid():N}@test.panah.invalid";
        var (created, output) = await Cli.RunAsync(app.DataDirectory, "user", "add", "--email", email, "--role", "DistributionClerk", "--offices", "IST,kay", "--programmes", "food,education");
        Assert.True(created == 0, output);
        Assert.Equal("IST,KAY|Food,Education", await ScopeOfAsync(email));

        var (unknown, unknownOutput) = await Cli.RunAsync(app.DataDirectory, "user", "scope", "--email", email, "--offices", "XXX");
        Assert.Equal(1, unknown);
        Assert.Contains("XXX", unknownOutput);
        var (badProgramme, _) = await Cli.RunAsync(app.DataDirectory, "user", "scope", "--email", email, "--programmes", "cooking");
        Assert.NotEqual(0, badProgramme);

        var stamp = (await UserAsync(email)).SecurityStamp;
        var (changed, changedOutput) = await Cli.RunAsync(app.DataDirectory, "user", "scope", "--email", email, "--offices", "SEF", "--programmes", "protection");
        Assert.True(changed == 0, changedOutput);
        Assert.Equal("SEF|Protection", await ScopeOfAsync(email));
        Assert.NotEqual(stamp, (await UserAsync(email)).SecurityStamp);
    }

    private async Task<StaffUser> UserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
    }

    private async Task<string> ScopeOfAsync(string email)
    {
        var user = await UserAsync(email);
        await using var scope = app.Services.CreateAsyncScope();
        var (offices, programmes) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ScopeOfAsync(user.Id);
        return $"{string.Join(',', offices)}|{string.Join(',', programmes)}";
    }
}
