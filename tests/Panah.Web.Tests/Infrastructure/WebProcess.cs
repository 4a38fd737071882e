using System.Diagnostics;
using System.Text;

namespace Panah.Web.Tests.Infrastructure;

/// <summary>Runs the real web app (built alongside the tests) as a separate process, as <c>dotnet run</c> would.</summary>
public static class WebProcess
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Runs until the app exits by itself.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string dataDirectory, string keyFile, string environment, IDictionary<string, string> settings, params string[] args)
    {
        using var process = Start(dataDirectory, keyFile, environment, settings, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(Patience).Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not exit: " + await stdout);
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Runs until a line of its output contains <paramref name="line"/> (or it exits), then stops it.</summary>
    public static async Task<string> RunUntilAsync(string dataDirectory, string keyFile, string environment, IDictionary<string, string> settings, string line, params string[] args)
    {
        using var process = Start(dataDirectory, keyFile, environment, settings, args);
        var output = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(patience.Token) is { } next)
            {
                output.AppendLine(next);
                if (next.Contains(line, StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
        }
        return output + await stderr;
    }

    private static Process Start(string dataDirectory, string keyFile, string environment, IDictionary<string, string> settings, string[] args)
    {
        var here = AppContext.BaseDirectory; // tests/Panah.Web.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var framework = new DirectoryInfo(here).Name;
        var root = Path.GetFullPath(Path.Combine(here, "..", "..", "..", "..", ".."));
        var dll = Path.Combine(root, "src", "Panah.Web", "bin", configuration, framework, "Panah.Web.dll");
        Assert.True(File.Exists(dll), $"web app not built at {dll}");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment["PANAH_DATA"] = dataDirectory;
        info.Environment["PANAH_KEY_FILE"] = keyFile;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("PANAH_MASTER_KEY");
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        return Process.Start(info)!;
    }
}
