using HarfBuzzSharp;

namespace Panah.Data.Food;

/// <summary>One shaped glyph of a right-to-left run, in visual order; sizes in em; <c>Cluster</c> is the UTF-16 index of the first character it came from.</summary>
internal readonly record struct ShapedGlyph(ushort Glyph, int Cluster, double Advance, double OffsetX, double OffsetY);

/// <summary>
/// The Arabic-script font of the card sheet, loaded once per process: HarfBuzz shapes runs of it into glyphs (joining
/// forms, ligatures, right to left), and its character map says which characters each glyph stands for, so that the
/// PDF's text can be copied and searched. HarfBuzz shapes with one font on several threads at once (two sheets
/// printed at the same time); each shaping has its own buffer.
/// </summary>
internal sealed class CardArabicFont : IDisposable
{
    // Where the font's characters live: Arabic, its supplements, the presentation forms (the joined letters), marks.
    private static readonly (int From, int To)[] Ranges = [(0x0020, 0x007E), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)];

    private readonly Blob blob;
    private readonly Face face;
    private readonly HarfBuzzSharp.Font font;
    private readonly double unitsPerEm;
    private readonly Dictionary<ushort, int[]> characters;

    public CardArabicFont(string file)
    {
        blob = Blob.FromFile(file);
        face = new Face(blob, 0);
        font = new HarfBuzzSharp.Font(face);
        unitsPerEm = face.UnitsPerEm;
        var found = new Dictionary<ushort, List<int>>();
        foreach (var (from, to) in Ranges)
        {
            for (var c = from; c <= to; c++)
            {
                if (font.TryGetNominalGlyph((uint)c, out var glyph) && glyph != 0)
                {
                    (found.TryGetValue((ushort)glyph, out var list) ? list : found[(ushort)glyph] = []).Add(c);
                }
            }
        }
        characters = found.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    /// <summary>The characters the font's map sends to <paramref name="glyph"/>, base letters before presentation forms (none for a contextual form without a code of its own).</summary>
    public IReadOnlyList<int> CharactersOf(ushort glyph) => characters.TryGetValue(glyph, out var list) ? list : [];

    /// <summary>Shapes a right-to-left run; glyphs come in visual order (left to right), as HarfBuzz gives them.</summary>
    public IReadOnlyList<ShapedGlyph> Shape(string run)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(run);
        buffer.Direction = Direction.RightToLeft;
        buffer.Script = Script.Arabic;
        buffer.Language = new Language("ug");
        font.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new ShapedGlyph[infos.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = new ShapedGlyph((ushort)infos[i].Codepoint, (int)infos[i].Cluster,
                positions[i].XAdvance / unitsPerEm, positions[i].XOffset / unitsPerEm, positions[i].YOffset / unitsPerEm);
        }
        return glyphs;
    }

    public void Dispose()
    {
        font.Dispose();
        face.Dispose();
        blob.Dispose();
    }
}
