using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;

namespace Panah.Data.Food;

/// <summary>
/// Section <c>Panah:Cards</c>: the TrueType fonts the card sheet embeds (<c>FontFile</c>, <c>BoldFontFile</c>;
/// by default DejaVu Sans, which Debian installs with fonts-dejavu-core; <c>ArabicFontFile</c> for Uyghur, by default
/// Noto Sans Arabic from fonts-noto-core, OFL), read from the server, never fetched. PDFsharp embeds the subset used.
/// </summary>
public sealed class CardFonts : IFontResolver
{
    public const string Family = "PanahCard";
    public const string ArabicFamily = "PanahCardArabic";
    private const string RegularFace = "PanahCard-Regular";
    private const string BoldFace = "PanahCard-Bold";
    private const string ArabicFace = "PanahCard-Arabic";
    private static readonly Lock Installing = new();

    private readonly string regular;
    private readonly string bold;
    private readonly string arabic;

    private CardFonts(string regular, string bold, string arabic)
    {
        this.regular = regular;
        this.bold = bold;
        this.arabic = arabic;
    }

    /// <summary>The Arabic-script font as HarfBuzz shapes it; set by <see cref="Install"/>.</summary>
    internal static CardArabicFont Arabic { get; private set; } = null!;

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
            var arabic = section["ArabicFontFile"] ?? "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
            foreach (var file in new[] { regular, bold, arabic }.Where(f => !File.Exists(f)))
            {
                throw new InvalidOperationException($"The card sheet's font {file} is missing: install fonts-dejavu-core and fonts-noto-core or set Panah:Cards:FontFile, BoldFontFile and ArabicFontFile.");
            }
            Arabic = new CardArabicFont(arabic);
            GlobalFontSettings.FontResolver = new CardFonts(regular, bold, arabic);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(familyName == ArabicFamily ? ArabicFace : isBold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName switch { ArabicFace => arabic, BoldFace => bold, _ => regular });
}
