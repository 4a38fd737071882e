using System.Globalization;
using Microsoft.Extensions.Configuration;
using Panah.Core.Planning;
using Panah.Data.Food;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Panah.Data.Planning;

/// <summary>The brief's words in the reader's language, each line already worded (numbers in it included) except the table's.</summary>
/// <param name="Title">The scenario's name as the brief's heading.</param>
/// <param name="Facts">Start, horizon and the arrivals assumed, a line each.</param>
/// <param name="TriggersHeading">The heading over the scenario's triggers.</param>
/// <param name="TableHeading">The heading over the first months' needs.</param>
/// <param name="NeedHeading">The table's first column heading.</param>
/// <param name="Needs">The name of each need the table lists, by key (<see cref="PlanningBrief.TableNeeds"/>).</param>
/// <param name="Budget">The budget lines (first months, whole horizon).</param>
/// <param name="Accuracy">The backtest's line.</param>
/// <param name="Footer">Futures, seed and the day it was made.</param>
/// <param name="Culture">How numbers are written, and the direction of the page.</param>
public sealed record PlanningBriefText(
    string Title, IReadOnlyList<string> Facts, string TriggersHeading, string TableHeading, string NeedHeading,
    IReadOnlyDictionary<string, string> Needs, IReadOnlyList<string> Budget, string Accuracy, string Footer, CultureInfo Culture);

/// <summary>
/// A scenario's printable brief (UNHCR contingency planning: the scenario, its triggers, the first three months and a
/// budget), one A4 page: the assumptions, the triggers, the needs of the first three months as medians with their 80 %
/// intervals, the budget, and the backtest's accuracy. The fonts and the shaping of Uyghur are the card sheet's.
/// </summary>
public static class PlanningBrief
{
    /// <summary>The needs of the brief's table, in order.</summary>
    public static readonly string[] TableNeeds =
        [Needs.Population, Needs.Arrivals, Needs.FoodTonnes, Needs.Points, Needs.Seats, Needs.Teachers, Needs.ChildCaseWorkers, Needs.WomenCaseWorkers, Needs.Budget];

    public const int FirstMonths = 3;

    private const double Margin = 18;
    private const double Width = 210 - (2 * Margin);

    public static byte[] Render(Scenario scenario, Forecast forecast, PlanningBriefText text, IConfiguration configuration)
    {
        CardFonts.Install(configuration);
        using var document = new PdfDocument();
        document.Info.Title = text.Title;
        document.Options.CompressContentStreams = true;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        var writer = new CardText(document);
        var rtl = text.Culture.TextInfo.IsRightToLeft;
        using (var g = XGraphics.FromPdfPage(page, XGraphicsUnit.Millimeter))
        {
            var y = Margin;
            void Line(string line, double size, bool bold, double advance)
            {
                writer.Draw(g, line, size, bold, new XRect(Margin, y, Width, size / 2), rtl);
                y += advance;
            }
            Line(text.Title, 16, true, 10);
            foreach (var fact in text.Facts)
            {
                Line(fact, 9, false, 5);
            }
            y += 3;
            Line(text.TriggersHeading, 11, true, 6);
            foreach (var wrapped in Wrap(g, scenario.Triggers, 9, Width))
            {
                Line(wrapped, 9, false, 4.5);
            }
            y += 4;
            Line(text.TableHeading, 11, true, 7);
            y = Table(g, writer, forecast, text, y, rtl);
            y += 5;
            foreach (var budget in text.Budget)
            {
                Line(budget, 10, true, 6);
            }
            y += 3;
            foreach (var wrapped in Wrap(g, text.Accuracy, 9, Width))
            {
                Line(wrapped, 9, false, 4.5);
            }
            y = 297 - Margin;
            Line(text.Footer, 7, false, 0);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The first months' needs: a row per need, a column per month, each cell the median over its 80 % interval.</summary>
    private static double Table(XGraphics g, CardText writer, Forecast forecast, PlanningBriefText text, double y, bool rtl)
    {
        var months = Math.Min(FirstMonths, forecast.Months.Count);
        const double first = 62;
        var column = (Width - first) / months;
        double X(int c) => rtl ? Margin + Width - first - ((c + 1) * column) : Margin + first + (c * column);
        var nameX = rtl ? Margin + Width - first : Margin;
        writer.Draw(g, text.NeedHeading, 8, true, new XRect(nameX, y, first, 4), rtl);
        for (var c = 0; c < months; c++)
        {
            writer.Draw(g, forecast.Months[c].ToString("yyyy-MM", CultureInfo.InvariantCulture), 8, true, new XRect(X(c), y, column - 2, 4), true);
        }
        y += 6;
        var pen = new XPen(XColors.LightGray, 0.2);
        foreach (var key in TableNeeds)
        {
            g.DrawLine(pen, Margin, y - 1.5, Margin + Width, y - 1.5);
            writer.Draw(g, text.Needs[key], 8, false, new XRect(nameX, y, first, 4), rtl);
            for (var c = 0; c < months; c++)
            {
                var band = forecast.Bands[key][c];
                string N(double v) => v.ToString(key == Needs.FoodTonnes ? "N1" : "N0", text.Culture);
                writer.Draw(g, N(band.Median), 8, true, new XRect(X(c), y, column - 2, 4), true);
                writer.Draw(g, $"{N(band.Low80)} – {N(band.High80)}", 7, false, new XRect(X(c), y + 4, column - 2, 4), true);
            }
            y += 9.5;
        }
        return y;
    }

    /// <summary>Words into lines no wider than <paramref name="width"/> (measured in the Latin face: near enough for Uyghur, which the writer shrinks to fit).</summary>
    private static List<string> Wrap(XGraphics g, string text, double size, double width)
    {
        var font = new XFont(CardFonts.Family, size, XFontStyleEx.Regular);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && g.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    candidate = word;
                }
                line = candidate;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
        return lines.Count > 12 ? [.. lines.Take(11), lines[11] + " …"] : lines;
    }
}
