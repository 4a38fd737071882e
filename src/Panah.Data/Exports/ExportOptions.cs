using Microsoft.Extensions.Configuration;

namespace Panah.Data.Exports;

/// <summary><c>Panah:Exports</c>: how long a request stays open and the small-cell threshold of aggregate exports.</summary>
public sealed class ExportOptions
{
    /// <summary><c>Panah:Exports:ExpireAfterDays</c>: a request not produced this many days after it was asked expires (default 7).</summary>
    public int ExpireAfterDays { get; set; } = 7;

    /// <summary><c>Panah:Exports:SuppressBelow</c>: aggregate counts under this are hidden (default 5; some health agencies use 10).</summary>
    public int SuppressBelow { get; set; } = 5;

    public static ExportOptions Read(IConfiguration configuration)
    {
        var o = new ExportOptions();
        configuration.GetSection("Panah:Exports").Bind(o);
        o.ExpireAfterDays = Math.Clamp(o.ExpireAfterDays, 1, 90);
        o.SuppressBelow = Math.Clamp(o.SuppressBelow, 1, 100);
        return o;
    }
}
