using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>An enrolment code not redeemed within <c>Panah:EnrolmentHours</c> (72 by default) no longer works.</summary>
public sealed class EnrolmentExpiryTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task An_enrolment_code_expires()
    {
        NewStaffAccount created;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            created = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync($"late-{Guid.NewGuid():N}@test.panah.invalid", Roles.Teacher);
        }
        app.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        var late = await Html.PostFormAsync(app.AnonymousClient(), "/Account/Enrol", new Dictionary<string, string>
        {
            ["Input.Code"] = created.EnrolmentCode!, ["Input.Password"] = "my own passphrase", ["Input.ConfirmPassword"] = "my own passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This enrolment code is not valid", await late.Content.ReadAsStringAsync());
    }
}
