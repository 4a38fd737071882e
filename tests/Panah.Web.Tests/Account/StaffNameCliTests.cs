using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>The CLI holds staff and token names to the same rule as the pages: no control or invisible format characters.</summary>
public sealed class StaffNameCliTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task User_add_refuses_a_display_name_with_a_bidi_override()
    {
        _ = app.Services; // the app creates the database the CLI works on
        var email = $"cli-{Guid.NewGuid():N}@test.panah.invalid";
        var (exit, output) = await Cli.RunAsync(app.DataDirectory, "user", "add", "--email", email, "--role", "RegistrationOfficer", "--name", "Ayshem\u202Enimda");
        Assert.NotEqual(0, exit);
        Assert.Contains("control or invisible", output);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Token_add_refuses_a_name_with_a_control_character()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var (exit, output) = await Cli.RunAsync(app.DataDirectory, "token", "add", "--email", staff.Email, "--name", "kobo\u0007sync");
        Assert.NotEqual(0, exit);
        Assert.Contains("control or invisible", output);
        Assert.DoesNotContain("pnh_", output);
    }
}
