using Microsoft.Extensions.Configuration;
using Panah.Core.Food.Monitoring;

namespace Panah.Data.Food;

/// <summary>Section <c>Panah:Monitoring</c>: the sampling choices, the FCS thresholds, small-cell suppression and import limits.</summary>
public sealed class MonitoringOptions
{
    /// <summary><c>Panah:Monitoring:Z</c>, default 1.96 (95 % confidence).</summary>
    public double Z { get; set; } = 1.96;

    /// <summary><c>Panah:Monitoring:MarginOfError</c>, default 0.05.</summary>
    public double MarginOfError { get; set; } = 0.05;

    /// <summary><c>Panah:Monitoring:NonResponseInflation</c>, default 1.5.</summary>
    public double NonResponseInflation { get; set; } = 1.5;

    /// <summary><c>Panah:Monitoring:HighSugarOil</c>: use the FCS thresholds 28 / 42 where sugar and oil are eaten daily (default false: 21 / 35).</summary>
    public bool HighSugarOil { get; set; }

    /// <summary><c>Panah:Monitoring:SuppressBelow</c>: counts under this are hidden on the dashboard (default 5).</summary>
    public int SuppressBelow { get; set; } = 5;

    /// <summary><c>Panah:Monitoring:ImportMaxBytes</c>: a larger CSV file is refused whole (default 2 MB).</summary>
    public int ImportMaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary><c>Panah:Monitoring:ImportMaxRows</c> (default 5,000).</summary>
    public int ImportMaxRows { get; set; } = 5_000;

    public PdmSampleOptions Sample => new(Z, MarginOfError, 0.5, NonResponseInflation);
    public FcsThresholds Thresholds => HighSugarOil ? FcsThresholds.HighSugarOil : FcsThresholds.Standard;

    public static MonitoringOptions Read(IConfiguration configuration)
    {
        var o = new MonitoringOptions();
        configuration.GetSection("Panah:Monitoring").Bind(o);
        o.Z = Math.Clamp(o.Z, 1, 4);
        o.MarginOfError = Math.Clamp(o.MarginOfError, 0.01, 0.2);
        o.NonResponseInflation = Math.Clamp(o.NonResponseInflation, 1, 3);
        o.SuppressBelow = Math.Clamp(o.SuppressBelow, 1, 100);
        o.ImportMaxBytes = Math.Clamp(o.ImportMaxBytes, 1024, 50 * 1024 * 1024);
        o.ImportMaxRows = Math.Clamp(o.ImportMaxRows, 1, 100_000);
        return o;
    }
}
