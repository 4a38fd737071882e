using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Panah.Data.Food;

/// <summary>
/// Writes the card sheet's lines, Uyghur included. PDFsharp maps characters to glyphs one by one and lays them out left
/// to right, which breaks Arabic script (no joined forms, reversed). So a line with Arabic-script letters is split into
/// runs (<see cref="CardBidi"/>), HarfBuzz shapes the right-to-left ones, and every shaped glyph is drawn on its own at
/// HarfBuzz's position, in reading order, the glyph swapped in through PDFsharp's render-text event. Reading order keeps
/// copied text in logical order; a text reader gets each glyph's character from the font's map (presentation forms for
/// joined letters, which Unicode normalisation (NFKC) folds back to the letters). Latin-only lines are drawn as before.
/// One instance per document: which character names which glyph is the document's.
/// </summary>
internal sealed class CardText
{
    // PDFsharp keeps one glyph per character in a font: a second glyph with the same character would be dropped
    // from the subset, so each glyph gets a character of its own, a private-use one as a last resort.
    private const int PrivateUse = 0xF0000;

    private readonly Dictionary<int, ushort> glyphOfCharacter = [];
    private readonly Dictionary<ushort, int> characterOfGlyph = [];
    private readonly Dictionary<(string, double, bool, double), Line> lines = [];
    private readonly Dictionary<(string, double, bool), XFont> fonts = [];
    private CodePointGlyphIndexPair? pending;

    public CardText(PdfDocument document) => document.RenderEvents.RenderTextEvent += (_, e) =>
    {
        if (pending is { } glyph)
        {
            e.CodePointGlyphIndexPairs = [glyph];
        }
    };

    /// <summary>Writes <paramref name="text"/> in <paramref name="box"/> from its top, at its left or right edge; a right-to-left line is made smaller rather than run out of the box.</summary>
    public void Draw(XGraphics g, string text, double size, bool bold, XRect box, bool right)
    {
        if (!CardBidi.HasRightToLeft(text))
        {
            g.DrawString(text, Font(CardFonts.Family, size, bold), XBrushes.Black, box, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            return;
        }
        var line = Layout(g, text, size, bold, box.Width);
        var left = right ? box.Right - line.Width : box.X;
        var latin = Font(CardFonts.Family, line.Size, bold);
        var baseline = box.Y + (line.Size * latin.Metrics.Ascent / latin.Metrics.UnitsPerEm);
        var arabic = Font(CardFonts.ArabicFamily, line.Size, false);
        foreach (var piece in line.Pieces)
        {
            pending = piece.Glyph is { } glyph ? glyph : null;
            g.DrawString(piece.Text, piece.Glyph is null ? latin : arabic, XBrushes.Black, left + piece.X, baseline + piece.Y, XStringFormats.BaseLineLeft);
            pending = null;
        }
    }

    /// <summary>A laid-out line: its size after fitting, its width, and what to draw where (from its left end and baseline), in reading order.</summary>
    private sealed record Line(double Size, double Width, IReadOnlyList<Piece> Pieces);

    /// <summary>A left-to-right run drawn as text, or one shaped glyph (<c>Text</c> is then its first character, which PDFsharp needs to raise the event).</summary>
    private readonly record struct Piece(double X, double Y, string Text, CodePointGlyphIndexPair? Glyph);

    private Line Layout(XGraphics g, string text, double size, bool bold, double width)
    {
        if (lines.TryGetValue((text, size, bold, width), out var cached))
        {
            return cached;
        }
        var runs = CardBidi.Runs(text);
        var shaped = runs.Select(r => r.RightToLeft ? CardFonts.Arabic.Shape(r.Text) : null).ToList();
        var widths = runs.Select((r, i) => shaped[i] is { } glyphs ? glyphs.Sum(s => s.Advance) * size : g.MeasureString(r.Text, Font(CardFonts.Family, size, bold)).Width).ToList();
        var scale = Math.Min(1, width / widths.Sum());
        // Runs are placed left to right in visual order: reading order reversed on a right-to-left line.
        var visual = Enumerable.Range(0, runs.Count).ToList();
        if (CardBidi.IsRightToLeft(text))
        {
            visual.Reverse();
        }
        var starts = new double[runs.Count];
        var x = 0d;
        foreach (var i in visual)
        {
            starts[i] = x;
            x += widths[i] * scale;
        }
        var em = size * scale;
        var pieces = new List<Piece>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (shaped[i] is { } glyphs)
            {
                pieces.AddRange(Glyphs(runs[i].Text, glyphs, starts[i], em));
            }
            else
            {
                pieces.Add(new Piece(starts[i], 0, runs[i].Text, null));
            }
        }
        return lines[(text, size, bold, width)] = new Line(em, x, pieces);
    }

    /// <summary>A shaped run's glyphs in reading order (HarfBuzz gives them in visual order, right to left read backwards).</summary>
    private IEnumerable<Piece> Glyphs(string run, IReadOnlyList<ShapedGlyph> glyphs, double start, double em)
    {
        var pen = new double[glyphs.Count];
        for (var i = 1; i < glyphs.Count; i++)
        {
            pen[i] = pen[i - 1] + glyphs[i - 1].Advance;
        }
        var clusters = glyphs.Select(s => s.Cluster).Append(run.Length).Distinct().Order().ToList();
        for (var i = glyphs.Count - 1; i >= 0; i--)
        {
            var glyph = glyphs[i];
            var end = clusters[clusters.IndexOf(glyph.Cluster) + 1];
            var characters = run[glyph.Cluster..end];
            yield return new Piece(start + ((pen[i] + glyph.OffsetX) * em), -glyph.OffsetY * em, characters[..1],
                new CodePointGlyphIndexPair(CharacterFor(glyph.Glyph, characters), glyph.Glyph));
        }
    }

    /// <summary>
    /// The character a glyph stands for in this document: one the font maps to it (a presentation form for a joined
    /// letter or a ligature), else the letter it was shaped from, else a private-use one; never one another glyph holds.
    /// </summary>
    private int CharacterFor(ushort glyph, string characters)
    {
        if (characterOfGlyph.TryGetValue(glyph, out var known))
        {
            return known;
        }
        var candidates = CardFonts.Arabic.CharactersOf(glyph).Append(char.ConvertToUtf32(characters, 0)).Append(PrivateUse + glyph);
        var character = candidates.First(c => !glyphOfCharacter.ContainsKey(c));
        glyphOfCharacter[character] = glyph;
        characterOfGlyph[glyph] = character;
        return character;
    }

    private XFont Font(string family, double size, bool bold)
    {
        if (!fonts.TryGetValue((family, size, bold), out var font))
        {
            font = fonts[(family, size, bold)] = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        }
        return font;
    }
}
