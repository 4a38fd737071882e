using Panah.Data.Documents;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Panah.Data.Food;

/// <summary>
/// Draws cards on A4 pages: two columns of five credit-card-sized cards (ISO/IEC 7810 ID-1, 85.6 × 54 mm) edge to
/// edge, so one cut serves two cards, with cut marks in the margins on every card edge. When the labels read right to
/// left (Uyghur), the text column is aligned to its right edge.
/// </summary>
internal sealed class CardLayout(PdfDocument document, CardSheetLabels labels, string programme)
{
    public const int PerPage = Columns * Rows;
    private const int Columns = 2;
    private const int Rows = 5;
    private const double Width = 85.6;
    private const double Height = 54;
    private const double Left = (210 - (Columns * Width)) / 2;
    private const double Top = (297 - (Rows * Height)) / 2;
    private const double Mark = 5;
    private const double QrSize = 34;

    private const double TitleSize = 8;
    private const double SmallSize = 6.5;
    private const double CodeSize = 12;
    private const double NumberSize = 13;

    private readonly CardText text = new(document);
    private readonly bool right = CardBidi.IsRightToLeft(labels.Title);
    private readonly XPen markPen = new(XColors.Black, 0.3);
    private readonly XPen edgePen = new(XColors.LightGray, 0.3);
    private XGraphics? page;
    private PdfPage? pdfPage;

    public void Place(int index, PrintedCard card, string token)
    {
        if (index % PerPage == 0)
        {
            Finish();
            pdfPage = document.AddPage();
            pdfPage.Size = PageSize.A4;
            page = XGraphics.FromPdfPage(pdfPage, XGraphicsUnit.Millimeter);
            CutMarks(page);
        }
        var slot = index % PerPage;
        Draw(page!, Left + (slot % Columns * Width), Top + (slot / Columns * Height), card, token);
    }

    /// <summary>
    /// Ends the page being drawn, if any, and compresses its content stream at once: PDFsharp would keep every page's
    /// drawing operators (some 200 KB for ten QR codes) until the document is saved, and 50,000 cards would not fit in
    /// memory; compressed, a page holds about 13 KB until then.
    /// </summary>
    public void Finish()
    {
        page?.Dispose();
        page = null;
        foreach (var content in pdfPage?.Contents.Elements.OfType<PdfReference>().Select(r => r.Value).OfType<PdfContent>() ?? [])
        {
            content.Compressed = true;
        }
        pdfPage = null;
    }

    private void Draw(XGraphics g, double x, double y, PrintedCard card, string token)
    {
        g.DrawRectangle(edgePen, x, y, Width, Height);
        var column = new XRect(x + 4, y + 4, Width - QrSize - 10, 6);
        text.Draw(g, labels.Title, TitleSize, false, column, right);
        text.Draw(g, programme, SmallSize, false, column with { Y = y + 9 }, right);
        text.Draw(g, labels.Household, SmallSize, false, column with { Y = y + 19 }, right);
        text.Draw(g, card.HouseholdCode, CodeSize, true, column with { Y = y + 22.5 }, right);
        text.Draw(g, labels.Number, SmallSize, false, column with { Y = y + 33 }, right);
        text.Draw(g, card.Number, NumberSize, true, column with { Y = y + 36.5 }, right);
        PdfQr.Draw(g, x + Width - QrSize - 3, y + ((Height - QrSize) / 2), QrSize, token);
    }

    private void CutMarks(XGraphics g)
    {
        for (var c = 0; c <= Columns; c++)
        {
            var x = Left + (c * Width);
            g.DrawLine(markPen, x, Top - Mark - 1, x, Top - 1);
            g.DrawLine(markPen, x, Top + (Rows * Height) + 1, x, Top + (Rows * Height) + Mark + 1);
        }
        for (var r = 0; r <= Rows; r++)
        {
            var y = Top + (r * Height);
            g.DrawLine(markPen, Left - Mark - 1, y, Left - 1, y);
            g.DrawLine(markPen, Left + (Columns * Width) + 1, y, Left + (Columns * Width) + Mark + 1, y);
        }
    }
}
