using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;

namespace Panah.Data.Food;

/// <summary>
/// Section <c>Panah:Cards</c>: the TrueType fonts the card sheet embeds (<c>FontFile</c>, <c>BoldFontFile</c>;
/// by default DejaVu Sans, which Debian installs with fonts-dejavu-core), read from the server, never fetched.
/// </summary>
public sealed class CardFonts : IFontResolver
{
    public const string Family = "PanahCard";
    private const string RegularFace = "PanahCard-Regular";
    private const string BoldFace = "PanahCard-Bold";
    private static readonly Lock Installing = new();

    private readonly string regular;
    private readonly string bold;

    private CardFonts(string regular, string bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    /// <summary>Installs the fonts for PDFsharp, once per process (its font settings are global).</summary>
    public static void Install(IConfiguration configuration)
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is CardFonts)
            {
                return;
            }
            var section = configuration.GetSection("Panah:Cards");
            var regular = section["FontFile"] ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
            var bold = section["BoldFontFile"] ?? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
            foreach (var file in new[] { regular, bold }.Where(f => !File.Exists(f)))
            {
                throw new InvalidOperationException($"The card sheet's font {file} is missing: install fonts-dejavu-core or set Panah:Cards:FontFile and Panah:Cards:BoldFontFile.");
            }
            GlobalFontSettings.FontResolver = new CardFonts(regular, bold);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName == BoldFace ? bold : regular);
}
