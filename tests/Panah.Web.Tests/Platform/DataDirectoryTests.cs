using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Panah.Data;
using Panah.Data.Crypto;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Platform;

/// <summary>What lies in the data directory: owner-only files, and the master key elsewhere.</summary>
public sealed class DataDirectoryTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_file_in_the_data_directory_is_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // POSIX permissions only
        }
        // An open connection keeps the WAL and shared-memory files in place for the scan.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")}");
        await holder.OpenAsync();
        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var created = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Mode", "Check")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var files = Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories);
        foreach (var expected in new[] { "panah.db", "panah.db-wal", "panah.db-shm" })
        {
            Assert.Contains(files, f => Path.GetFileName(f) == expected);
        }
        foreach (var file in files.Append(app.KeyFile))
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFile.FilePermissions, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
        }
        foreach (var directory in Directory.GetDirectories(app.DataDirectory, "*", SearchOption.AllDirectories).Prepend(app.DataDirectory))
        {
            Assert.True(File.GetUnixFileMode(directory) == OwnerOnlyFile.DirectoryPermissions, $"{directory} is {File.GetUnixFileMode(directory)}");
        }
    }

    [Fact]
    public void The_master_key_lives_outside_the_data_directory_by_default()
    {
        var data = Path.Combine(Path.GetTempPath(), "panah-nowhere-" + Guid.NewGuid().ToString("N")[..8]);
        var read = () => PanahDataServices.ReadOptions(new ConfigurationBuilder().AddInMemoryCollection([new("PANAH_DATA", data)]).Build());
        var options = read();
        Assert.False(options.KeyFile!.StartsWith(options.DataDirectory, StringComparison.Ordinal), options.KeyFile);
        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        Assert.StartsWith(Path.Combine(config, "panah") + Path.DirectorySeparatorChar, options.KeyFile);
        Assert.EndsWith(KeyRing.FileName, options.KeyFile);
        // The CLI reads the same options on the same PANAH_DATA: it finds the same key.
        Assert.Equal(options.KeyFile, read().KeyFile);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Start_up_says_where_the_master_key_is_without_a_warning_when_it_is_elsewhere()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/healthz")).StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Information Panah.MasterKey", StringComparison.Ordinal) && l.Contains(app.KeyFile, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("Warning Panah.MasterKey", StringComparison.Ordinal));
    }
}

/// <summary>The app in Production with its master key inside the data directory.</summary>
public sealed class KeyInDataDirectoryApp() : PanahApp("sqlite")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PANAH_KEY_FILE", Path.Combine(DataDirectory, KeyRing.FileName));
    }
}

public sealed class KeyInDataDirectoryTests(KeyInDataDirectoryApp app) : IClassFixture<KeyInDataDirectoryApp>
{
    [Fact]
    public async Task Production_warns_when_the_master_key_lies_in_the_data_directory()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.AnonymousClient().GetAsync("/healthz")).StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning Panah.MasterKey", StringComparison.Ordinal) && l.Contains("inside the data directory", StringComparison.Ordinal));
    }
}
