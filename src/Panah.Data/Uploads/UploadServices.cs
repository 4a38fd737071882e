using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Panah.Data.Uploads;

public static class UploadServices
{
    /// <summary>The sanitiser with the configured limits (<c>Panah:Uploads:MaxBytes</c>, <c>Panah:Uploads:MaxPixels</c>).</summary>
    public static IServiceCollection AddUploads(this IServiceCollection services) => services.AddSingleton(sp =>
    {
        var section = sp.GetRequiredService<IConfiguration>().GetSection(UploadLimits.Section);
        var defaults = new UploadLimits();
        return new UploadSanitiser(new UploadLimits(section.GetValue("MaxBytes", defaults.MaxBytes), section.GetValue("MaxPixels", defaults.MaxPixels)));
    });
}
