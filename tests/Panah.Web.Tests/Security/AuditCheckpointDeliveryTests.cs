using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Panah.Data;
using Panah.Data.Audit.Checkpoints;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>
/// The app signs a checkpoint every Panah:Audit:CheckpointMinutes on its clock and once at shutdown, into the
/// checkpoint file and to the HTTP endpoint of another machine: here a real Kestrel listener on loopback.
/// </summary>
public sealed class AuditCheckpointDeliveryTests : IAsyncLifetime
{
    private readonly Channel<string> received = Channel.CreateUnbounded<string>();
    private WebApplication? receiver;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        receiver = builder.Build();
        receiver.MapPost("/checkpoints", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            await received.Writer.WriteAsync(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
    }

    private async Task<AuditCheckpoint> NextAsync() =>
        JsonSerializer.Deserialize<AuditCheckpoint>(await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1)), JsonSerializerOptions.Web)!;

    [Fact]
    public async Task A_signed_checkpoint_reaches_the_other_machine_every_period_and_at_shutdown()
    {
        var app = new CheckpointedApp(new Uri(new Uri(receiver!.Urls.Single()), "/checkpoints"));
        try
        {
            var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
            (await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Alim", "Rozi")))).EnsureSuccessStatusCode();
            Assert.Equal(0, received.Reader.Count);
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            var periodic = await NextAsync();

            var options = app.Services.GetRequiredService<AuditCheckpointOptions>();
            using var signer = CheckpointSigner.Load(options, mayCreate: false);
            Assert.True(signer.IsSigned(periodic));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
                var head = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
                Assert.Equal(await db.AuditEntries.LongCountAsync(), periodic.Entries);
                Assert.Equal(head.Id, periodic.LastId);
                Assert.Equal(Convert.ToHexString(head.Hash), periodic.HeadHash);
            }
            Assert.Equal(app.Clock.GetUtcNow(), periodic.At);
            Assert.False(signer.IsSigned(periodic with { Entries = periodic.Entries - 1 }));
            Assert.Single(await File.ReadAllLinesAsync(options.CheckpointFile));

            await app.DisposeAsync();
            var atShutdown = await NextAsync();
            Assert.True(signer.IsSigned(atShutdown));
            Assert.True(atShutdown.Entries >= periodic.Entries);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private sealed class CheckpointedApp(Uri url) : PanahApp("sqlite")
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Panah:Audit:CheckpointUrl", url.ToString());
            builder.UseSetting("Panah:Audit:CheckpointMinutes", "30");
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }
}
