using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Crypto;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Keys;

/// <summary>
/// `panah keys rotate` while the app serves reads and writes: afterwards every sealed value opens under the
/// new key only, and a restart with the new key alone finds, opens and verifies everything.
/// </summary>
public abstract class KeyRotationTests(PanahApp app)
{
    private string[] KeyFileLines() => File.ReadAllLines(app.KeyFile).Where(l => l.Length > 0).ToArray();

    private static async Task<Guid> RegisterAsync(HttpClient client, string family)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Alim", family)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<string?> FamilyOfHeadAsync(HttpClient client, Guid household)
    {
        var response = await client.GetAsync($"/api/v1/households/{household}");
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["members"]![0]!["name"]!["family"]!.GetValue<string>() : null;
    }

    private static async Task<int> SearchTotalAsync(HttpClient client, string family)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people/search", new JsonObject { ["name"] = family });
        return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["total"]!.GetValue<int>() : -1;
    }

    private static async Task<byte[]> ReadSharedAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    [Fact]
    public async Task Rotating_while_the_app_reads_and_writes_leaves_everything_under_the_new_key_only()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var (_, cookie) = await StaffSession.SignInCapturingCookieAsync(app, staff);
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        const string family = "Qadirjan";
        var before = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            before.Add(await RegisterAsync(client, family));
        }
        var oldKey = Assert.Single(KeyFileLines());

        // Small batches, so that the rotation runs through many transactions while the requests go on.
        var rotation = Cli.RunAsync(app, "keys", "rotate", "--batch", "5");
        var during = new ConcurrentBag<Guid>();
        var failures = new ConcurrentBag<string>();
        async Task WorkAsync(int worker)
        {
            var i = worker;
            do
            {
                try
                {
                    during.Add(await RegisterAsync(client, family));
                    if (await FamilyOfHeadAsync(client, before[i++ % before.Count]) != family)
                    {
                        failures.Add("a household did not open");
                    }
                    if (await SearchTotalAsync(client, family) < before.Count)
                    {
                        failures.Add("the search missed people");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or Xunit.Sdk.XunitException)
                {
                    failures.Add(e.Message);
                }
            }
            while (!rotation.IsCompleted);
        }
        await Task.WhenAll(WorkAsync(0), WorkAsync(1));
        var (exit, output) = await rotation;
        Assert.True(exit == 0, output);
        Assert.Contains("Rotation complete", output);
        Assert.Empty(failures);

        var newKey = Assert.Single(KeyFileLines());
        Assert.NotEqual(oldKey, newKey);
        // Canaries: neither key, nor a name, in what the command printed or (SQLite) in the data directory.
        foreach (var canary in new[] { newKey, oldKey, family })
        {
            Assert.DoesNotContain(canary, output, StringComparison.OrdinalIgnoreCase);
        }
        if (app.Provider == "sqlite")
        {
            foreach (var file in Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories))
            {
                var bytes = await ReadSharedAsync(file);
                foreach (var canary in new[] { System.Text.Encoding.UTF8.GetBytes(family), System.Text.Encoding.ASCII.GetBytes(newKey), Convert.FromBase64String(newKey) })
                {
                    Assert.True(bytes.AsSpan().IndexOf(canary) < 0, $"a canary is in clear in {Path.GetFileName(file)}");
                }
            }
        }
        var old = KeyRing.FromMasterKey(Convert.FromBase64String(oldKey));
        var current = KeyRing.FromMasterKey(Convert.FromBase64String(newKey));
        var sealedValues = await SealedState.ReadAsync(app);
        Assert.Equal(["cookie key", "data key", "root secret", "staff token"], sealedValues.Select(v => v.Kind).Distinct().Order());
        Assert.All(sealedValues, v =>
        {
            Assert.True(current.IsSealedUnderCurrentKey(v.Value), $"a {v.Kind} is not sealed under the new key");
            v.OpenWith(current);
            Assert.ThrowsAny<CryptographicException>(() => v.OpenWith(old));
        });

        // Started again with the new key alone: everything opens, search finds, sign-in and sessions work.
        using var restarted = new AnotherNode(app, sameDataDirectory: true);
        Assert.Equal([current.CurrentKeyId], restarted.Services.GetRequiredService<KeyRing>().KeyIds);
        var reader = await restarted.ClientForRoleAsync(Roles.RegistrationOfficer);
        foreach (var household in before.Concat(during))
        {
            Assert.Equal(family, await FamilyOfHeadAsync(reader, household));
        }
        Assert.Equal(before.Count + during.Count, await SearchTotalAsync(reader, family));
        var session = restarted.AnonymousClient();
        session.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        await StaffSession.SignInAsync(restarted, staff, stepsAhead: 1);
        var (verified, verifyOutput) = await Cli.RunAsync(app, "audit", "verify");
        Assert.True(verified == 0, verifyOutput);
        Assert.Contains("intact", verifyOutput);
    }

    [Fact]
    public async Task A_rotation_stopped_halfway_continues_where_it_stopped()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        const string family = "Yerimjan";
        var households = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            households.Add(await RegisterAsync(client, family));
        }
        var oldKey = Assert.Single(KeyFileLines());

        var (stopped, stoppedOutput) = await Cli.RunAsync(app, "keys", "rotate", "--batch", "3", "--limit", "7");
        Assert.True(stopped == 3, stoppedOutput);
        var both = KeyFileLines();
        Assert.Equal(2, both.Length);
        Assert.Equal(oldKey, both[1]);
        var keys = app.Services.GetRequiredService<KeyRing>();
        var halfway = await SealedState.ReadAsync(app);
        Assert.Contains(halfway, v => keys.IsSealedUnderCurrentKey(v.Value));
        Assert.Contains(halfway, v => !keys.IsSealedUnderCurrentKey(v.Value));
        // Half under one key, half under the other: the running app opens both, and writes under the new one.
        foreach (var household in households)
        {
            Assert.Equal(family, await FamilyOfHeadAsync(client, household));
        }
        households.Add(await RegisterAsync(client, family));
        Assert.Equal(households.Count, await SearchTotalAsync(client, family));

        var (finished, output) = await Cli.RunAsync(app, "keys", "rotate");
        Assert.True(finished == 0, output);
        Assert.Contains("Continuing the rotation", output);
        Assert.Equal([both[0]], KeyFileLines());
        Assert.All(await SealedState.ReadAsync(app), v => Assert.True(keys.IsSealedUnderCurrentKey(v.Value), $"a {v.Kind} is not sealed under the new key"));
        foreach (var household in households)
        {
            Assert.Equal(family, await FamilyOfHeadAsync(client, household));
        }
    }
}

public sealed class SqliteKeyRotationTests(SqliteApp app) : KeyRotationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresKeyRotationTests(PostgresApp app) : KeyRotationTests(app), IClassFixture<PostgresApp>;
