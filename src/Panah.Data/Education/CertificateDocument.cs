using Microsoft.Extensions.Configuration;
using Panah.Data.Documents;
using Panah.Data.Food;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Panah.Data.Education;

/// <summary>The words of a certificate in one language; a certificate prints them in Turkish and in English.</summary>
public sealed record CertificateLabels(string Title, string Certifies, string Level, string Hours, string Date, string Number, string Verify);

/// <summary>What one certificate says.</summary>
/// <param name="Number">The certificate's number, printed and shown on the verification page.</param>
/// <param name="HolderName">The holder's name as on their Turkish documents.</param>
/// <param name="Level">The CEFR level passed (A1 … C2).</param>
/// <param name="Hours">The course's guided hours.</param>
/// <param name="IssuedOn">The day the level was passed.</param>
/// <param name="VerifyUrl">The public verification address; it carries only the random verification token.</param>
/// <param name="Issuer">The organisation that issues it (configuration: <c>Panah:Education:CertificateIssuer</c>).</param>
public sealed record PrintedCertificate(string Number, string HolderName, string Level, decimal Hours, DateOnly IssuedOn, string VerifyUrl, string Issuer);

/// <summary>
/// A certificate as a one-page A4 landscape PDF: Turkish first, English under it, the number, and a QR code of the
/// public verification address. The fonts are the card sheet's (embedded subsets; Uyghur names shaped by HarfBuzz).
/// </summary>
public static class CertificateDocument
{
    private const double PageWidth = 297;
    private const double QrSize = 32;

    public static byte[] Render(PrintedCertificate certificate, CertificateLabels turkish, CertificateLabels english, IConfiguration configuration)
    {
        CardFonts.Install(configuration);
        using var document = new PdfDocument();
        document.Info.Title = $"{turkish.Title} {certificate.Number}";
        document.Options.CompressContentStreams = true;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        var text = new CardText(document);
        using (var g = XGraphics.FromPdfPage(page, XGraphicsUnit.Millimeter))
        {
            g.DrawRectangle(new XPen(XColors.DarkSlateGray, 1.2), 10, 10, PageWidth - 20, 190);
            g.DrawRectangle(new XPen(XColors.DarkSlateGray, 0.3), 13, 13, PageWidth - 26, 184);
            Centred(g, text, certificate.Issuer, 11, false, 22);
            Centred(g, text, turkish.Title, 24, true, 34);
            Centred(g, text, english.Title, 14, false, 46);
            Centred(g, text, $"{turkish.Certifies} / {english.Certifies}", 10, false, 64);
            Centred(g, text, certificate.HolderName, 22, true, 74);
            Centred(g, text, $"{turkish.Level} / {english.Level}: {certificate.Level}", 16, true, 96);
            var hours = certificate.Hours.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            Centred(g, text, $"{turkish.Hours} / {english.Hours}: {hours}", 10, false, 110);
            var date = certificate.IssuedOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            Centred(g, text, $"{turkish.Date} / {english.Date}: {date}", 10, false, 118);

            var column = new XRect(24, 158, 180, 6);
            text.Draw(g, $"{turkish.Number} / {english.Number}", 8, false, column, false);
            text.Draw(g, certificate.Number, 13, true, column with { Y = 163 }, false);
            text.Draw(g, $"{turkish.Verify} / {english.Verify}", 7, false, column with { Y = 173 }, false);
            text.Draw(g, certificate.VerifyUrl, 7, false, column with { Y = 178 }, false);
            PdfQr.Draw(g, PageWidth - 24 - QrSize, 150, QrSize, certificate.VerifyUrl);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Centred(XGraphics g, CardText text, string line, double size, bool bold, double y)
    {
        // CardText writes from a box's left or right edge; a box as wide as the text, centred, centres it. Sizes are
        // points, positions millimetres (the page's unit). A Uyghur name is measured in Latin, near enough to centre.
        var width = Math.Min(PageWidth - 40, g.MeasureString(line, new XFont(CardFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular)).Width);
        text.Draw(g, line, size, bold, new XRect((PageWidth - width) / 2, y, width, size / 2), CardBidi.IsRightToLeft(line));
    }
}
