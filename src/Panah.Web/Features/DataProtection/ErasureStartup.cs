using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.DataProtection;

/// <summary>
/// At start-up, before the match index is built: every erasure in the ledger is re-applied (the database may be
/// an older backup), and a tampered ledger is logged (line numbers and counts only) and raised as an alert.
/// </summary>
public static partial class ErasureStartup
{
    public static async Task ReplayAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Panah.ErasureLedger");
        AmbientActor.Current = new FixedActor("system:erasure-ledger");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<ErasureReplay>().RunAsync();
            if (report.Reapplied > 0)
            {
                Reapplied(logger, report.Reapplied);
            }
            foreach (var problem in report.Problems)
            {
                Tampered(logger, problem);
            }
        }
        finally
        {
            AmbientActor.Current = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure ledger: {Count} erasure(s) re-applied to a database that had lost them (an older backup)")]
    private static partial void Reapplied(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Erasure ledger tampered with: {Problem}")]
    private static partial void Tampered(ILogger logger, string problem);
}
