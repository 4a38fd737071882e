using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Crypto;
using Panah.Data.Keys;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Keys;

/// <summary>The blind-index and audit keys: random for a new installation, the old derived values for an existing one.</summary>
public sealed class RootSecretsTests : IDisposable
{
    private readonly SqliteApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task An_installation_with_data_from_before_keeps_its_derived_keys_and_a_new_one_gets_random_ones()
    {
        var keys = app.Services.GetRequiredService<KeyRing>();
        Assert.NotEqual(keys.FirstKey.DerivedBlindIndexKey, keys.BlindIndexKey);
        Assert.NotEqual(keys.FirstKey.DerivedAuditKey, keys.AuditKey);

        // Data from before root secrets were stored: search tokens and an audit chain made with the derived keys.
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Alim", "Rozi")))).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        await db.RootSecrets.ExecuteDeleteAsync();

        var upgraded = KeyRing.Load(app.KeyFile, null);
        await RootSecrets.LoadAsync(db, upgraded);
        Assert.Equal(upgraded.FirstKey.DerivedBlindIndexKey, upgraded.BlindIndexKey);
        Assert.Equal(upgraded.FirstKey.DerivedAuditKey, upgraded.AuditKey);
        Assert.Equal(3, await db.RootSecrets.CountAsync());
        Assert.NotEqual(keys.CardSigningKey, upgraded.CardSigningKey);
    }
}
