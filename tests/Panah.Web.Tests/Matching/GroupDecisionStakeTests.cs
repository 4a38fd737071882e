using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Matching;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Matching;

/// <summary>The app with one more review stake that counts how often the queue asks it (a real stake: nobody has it).</summary>
public sealed class CountedStakeApp() : PanahApp("sqlite")
{
    public int Asked;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddScoped<IReviewStake>(_ => new CountedStake(this)));
    }

    private sealed class CountedStake(CountedStakeApp app) : IReviewStake
    {
        public string Name => "counted";

        public Task<IReadOnlySet<Guid>> PeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken ct)
        {
            Interlocked.Increment(ref app.Asked);
            return Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());
        }
    }
}

/// <summary>A group decision needs where each pair lies in the queue, not what is at stake for its people (one database: no data is read differently).</summary>
public sealed class GroupDecisionStakeTests(CountedStakeApp app) : IClassFixture<CountedStakeApp>
{
    [Fact]
    public async Task Deciding_a_group_asks_no_review_stake()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var people = await ReviewQueueSetup.StrangersAsync(officer, "IST", 2);
        var pairId = await ReviewQueueSetup.PairAsync(app, people[0], people[1], 0.7);
        var group = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/groups/{pairId}");
        Assert.True(app.Asked > 0, "showing a group orders its pairs by their stakes");
        var pair = group.GetProperty("pairs")[0];

        var before = app.Asked;
        var decided = await officer.PostAsJsonAsync($"/api/v1/duplicates/groups/{group.GetProperty("id").GetGuid()}/decision",
            new { samePerson = false, pairs = new[] { new { id = pair.GetProperty("id").GetGuid(), version = pair.GetProperty("version").GetInt64() } } });

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(before, app.Asked);
    }
}
