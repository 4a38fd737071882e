using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Behind the TLS-terminating proxy the README recommends: <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the proxies listed in <c>Panah:KnownProxies</c>
/// (none by default: anyone could send them), so HSTS, the audit's client address and the per-client
/// rate limits see the real client. Outside Development every cookie is <c>Secure</c>, proxy or not.
/// </summary>
public static class TransportSecurity
{
    public const string KnownProxiesSetting = "Panah:KnownProxies";

    public static void AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var proxies = KnownProxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; Panah trusts exactly the configured proxies.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        var development = builder.Environment.IsDevelopment();
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static void UseTransportSecurity(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseCookiePolicy();
    }

    /// <summary>IP addresses, comma-separated (<c>Panah__KnownProxies=127.0.0.1,::1</c>) or as a JSON array in appsettings.</summary>
    private static List<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(KnownProxiesSetting);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(a => IPAddress.TryParse(a, out var ip) ? ip : throw new InvalidOperationException($"{KnownProxiesSetting}: '{a}' is not an IP address."))
            .ToList();
    }
}
