using System.Buffers;
using System.Globalization;
using System.Text;

namespace Panah.Core;

/// <summary>
/// The one rule for text that people type into Panah (names, addresses, document numbers, staff and token names).
/// Refused: control characters (C0, DEL, C1, NUL included) and invisible format characters, among them the
/// bidi embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C) that let a name
/// reorder what follows it or pass for another ("Rahmi\u202Eelgnahs" shows as "Rahmishangle"), line and paragraph
/// separators, and unpaired surrogates. Kept: the zero-width non-joiner and joiner (U+200C/D), which Uyghur and
/// other Arabic-script writing needs to shape letters correctly.
/// </summary>
public static class PlainText
{
    /// <summary>Message key of the refusal, translated by the UI and the API.</summary>
    public const string Refused = "Text.HiddenCharacters";

    /// <summary>True when <paramref name="text"/> holds none of the refused characters.</summary>
    public static bool IsAllowed(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(text, out var rune, out var used) != OperationStatus.Done || IsRefused(rune))
            {
                return false;
            }
            text = text[used..];
        }
        return true;
    }

    private static bool IsRefused(Rune rune) => rune.Value switch
    {
        0x200C or 0x200D => false,
        _ => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate,
    };
}
