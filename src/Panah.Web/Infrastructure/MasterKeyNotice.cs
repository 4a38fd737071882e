using Panah.Data;
using Panah.Data.Crypto;

namespace Panah.Web.Infrastructure;

/// <summary>Says at start-up where the master key comes from (never the key), and warns in Production when it lies in the data directory.</summary>
public static partial class MasterKeyNotice
{
    public static void Log(WebApplication app)
    {
        var keys = app.Services.GetRequiredService<KeyRing>();
        var data = app.Services.GetRequiredService<PanahDataOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Panah.MasterKey");
        if (keys.KeyFile is null)
        {
            FromEnvironment(logger, KeyRing.EnvironmentVariable);
            return;
        }
        FromFile(logger, keys.KeyFile);
        var inside = Path.GetRelativePath(data.DataDirectory, keys.KeyFile) is var relative && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        if (inside && !app.Environment.IsDevelopment())
        {
            InsideDataDirectory(logger, keys.KeyFile, data.DataDirectory, KeyRing.FileEnvironmentVariable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Master key: from the environment variable {Variable}")]
    private static partial void FromEnvironment(ILogger logger, string variable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Master key: file {KeyFile}")]
    private static partial void FromFile(ILogger logger, string keyFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The master key {KeyFile} lies inside the data directory {DataDirectory}: one copy of that directory decrypts everything. Move it elsewhere and point {Variable} at it.")]
    private static partial void InsideDataDirectory(ILogger logger, string keyFile, string dataDirectory, string variable);
}
