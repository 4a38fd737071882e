using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>The CLI creates people with an enrolment code (never a password) and issues tokens only for service accounts.</summary>
public sealed class CliAccountTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task User_add_prints_an_enrolment_code_and_token_add_serves_service_accounts_only()
    {
        var person = $"cli-{Guid.NewGuid():N}@test.panah.invalid";
        var (created, output) = await Cli.RunAsync(app.DataDirectory, "user", "add", "--email", person, "--role", "RegistrationOfficer");
        Assert.True(created == 0, output);
        Assert.Matches("enrolment code: [a-zA-Z0-9]{20}", output);
        Assert.DoesNotContain("password:", output);
        Assert.DoesNotContain("otpauth://", output);

        var service = $"kobo-{Guid.NewGuid():N}@test.panah.invalid";
        var (serviceCreated, serviceOutput) = await Cli.RunAsync(app.DataDirectory, "user", "add", "--email", service, "--role", Roles.RegistrationOfficer, "--service");
        Assert.True(serviceCreated == 0, serviceOutput);
        Assert.DoesNotContain("enrolment code", serviceOutput);

        var (forPerson, personOutput) = await Cli.RunAsync(app.DataDirectory, "token", "add", "--email", person, "--name", "x");
        Assert.Equal(1, forPerson);
        Assert.DoesNotContain(ApiTokens.Prefix, personOutput);
        var (tooLong, _) = await Cli.RunAsync(app.DataDirectory, "token", "add", "--email", service, "--name", "kobo", "--days", "91");
        Assert.Equal(1, tooLong);
        var (issued, issuedOutput) = await Cli.RunAsync(app.DataDirectory, "token", "add", "--email", service, "--name", "kobo", "--days", "90");
        Assert.True(issued == 0, issuedOutput);
        var secret = issuedOutput.Split('\n').Single(l => l.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal)).Trim();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.ClientWithToken(secret).GetAsync("/api/v1/people")).StatusCode);
    }
}
