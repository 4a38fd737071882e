using System.Diagnostics;

namespace Panah.Web.Tests.Infrastructure;

/// <summary>Runs the real CLI (built alongside the tests) as a separate process on a data directory.</summary>
public static class Cli
{
    public static Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, params string[] args) => RunAsync(dataDirectory, new Dictionary<string, string>(), args);

    /// <summary>The CLI on <paramref name="app"/>'s database, whichever it is.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(PanahApp app, params string[] args) => RunAsync(app, new Dictionary<string, string>(), args);

    public static Task<(int ExitCode, string Output)> RunAsync(PanahApp app, IDictionary<string, string> environment, params string[] args)
    {
        var all = new Dictionary<string, string>(environment) { ["PANAH_DB"] = app.Provider };
        if (app.ConnectionString is { } cs)
        {
            all["PANAH_CONNECTION"] = cs;
        }
        return RunAsync(app.DataDirectory, all, args);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, IDictionary<string, string> environment, string[] args)
    {
        var here = AppContext.BaseDirectory; // tests/Panah.Web.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var framework = new DirectoryInfo(here).Name;
        var root = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(root, "src", "Panah.Cli", "bin", configuration, framework, "panah.dll");
        Assert.True(File.Exists(dll), $"CLI not built at {dll}");
        var info = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PANAH_DATA"] = dataDirectory;
        info.Environment["PANAH_KEY_FILE"] = PanahApp.KeyFileFor(dataDirectory);
        info.Environment.Remove("PANAH_MASTER_KEY");
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
