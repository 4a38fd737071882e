using System.Globalization;
using Microsoft.Extensions.Configuration;
using Panah.Data.Food;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Panah.Data.Dashboards;

/// <summary>One bar of a report chart: its label and value (null: a hidden small count, drawn as a dash).</summary>
public sealed record ReportBar(string Label, double? Value);

/// <summary>A bar chart of the report, with the format of its numbers (<c>N0</c>, <c>N1</c>, <c>P0</c> on shares).</summary>
public sealed record ReportChart(string Title, IReadOnlyList<ReportBar> Bars, string Format = "N0");

/// <summary>The report's words and numbers, already in the reader's language: headline figures as lines, then the charts.</summary>
public sealed record DonorReportText(string Title, string Subtitle, IReadOnlyList<string> Figures, IReadOnlyList<ReportChart> Charts, string Footer, CultureInfo Culture);

/// <summary>
/// The monthly donor report of one programme: an A4 page (more when the charts need them) with the headline figures
/// and simple labelled bar charts drawn with PDFsharp's own graphics. Aggregates only: the text it is given holds no name.
/// </summary>
public static class DonorReport
{
    private const double Margin = 18;
    private const double Width = 210 - (2 * Margin);
    private const double Bottom = 297 - Margin - 8;
    private const double BarHeight = 5;
    private const double LabelWidth = 58;

    public static byte[] Render(DonorReportText text, IConfiguration configuration)
    {
        CardFonts.Install(configuration);
        using var document = new PdfDocument();
        document.Info.Title = text.Title;
        document.Options.CompressContentStreams = true;
        var writer = new CardText(document);
        var page = NewPage(document, out var g);
        try
        {
            var y = Margin;
            void Line(string line, double size, bool bold, double advance)
            {
                writer.Draw(g, line, size, bold, new XRect(Margin, y, Width, size / 2), false);
                y += advance;
            }
            Line(text.Title, 16, true, 9);
            Line(text.Subtitle, 10, false, 8);
            foreach (var figure in text.Figures)
            {
                Line(figure, 10, false, 6);
            }
            y += 4;
            foreach (var chart in text.Charts.Where(c => c.Bars.Count > 0))
            {
                var height = 8 + (chart.Bars.Count * (BarHeight + 2)) + 6;
                if (y + height > Bottom)
                {
                    Footer(g, writer, text.Footer);
                    g.Dispose();
                    page = NewPage(document, out g);
                    y = Margin;
                }
                Line(chart.Title, 11, true, 7);
                y = Bars(g, writer, chart, text.Culture, y) + 6;
            }
            Footer(g, writer, text.Footer);
        }
        finally
        {
            g.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static PdfPage NewPage(PdfDocument document, out XGraphics g)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        g = XGraphics.FromPdfPage(page, XGraphicsUnit.Millimeter);
        return page;
    }

    private static void Footer(XGraphics g, CardText writer, string footer) =>
        writer.Draw(g, footer, 7, false, new XRect(Margin, 297 - Margin, Width, 4), false);

    /// <summary>Horizontal bars: the label on the left, the bar scaled to the largest value, the number at its end.</summary>
    private static double Bars(XGraphics g, CardText writer, ReportChart chart, CultureInfo culture, double y)
    {
        var max = chart.Bars.Max(b => b.Value ?? 0);
        var span = Width - LabelWidth - 22;
        var fill = new XSolidBrush(XColor.FromArgb(0x2f, 0x6f, 0xb3));
        var axis = new XPen(XColors.Gray, 0.2);
        g.DrawLine(axis, Margin + LabelWidth, y - 1, Margin + LabelWidth, y + (chart.Bars.Count * (BarHeight + 2)));
        foreach (var bar in chart.Bars)
        {
            writer.Draw(g, bar.Label, 8, false, new XRect(Margin, y + 0.8, LabelWidth - 2, 4), false);
            var length = max > 0 && bar.Value is { } v ? span * v / max : 0;
            if (length > 0)
            {
                g.DrawRectangle(fill, Margin + LabelWidth, y, length, BarHeight);
            }
            var shown = bar.Value is { } value ? value.ToString(chart.Format, culture) : "–";
            writer.Draw(g, shown, 8, true, new XRect(Margin + LabelWidth + length + 1.5, y + 0.8, 20, 4), false);
            y += BarHeight + 2;
        }
        return y;
    }
}
