using System.Collections.Concurrent;
using AnyAscii;

namespace Panah.Matching;

/// <summary>
/// Chinese characters to toneless pinyin, one syllable per character. AnyAscii gives the most common
/// reading; the few characters whose name-transcription reading differs are overridden here.
/// </summary>
internal static class ChinesePinyin
{
    private static readonly ConcurrentDictionary<char, string> Cache = new();

    private static readonly Dictionary<char, string> Overrides = new()
    {
        ['都'] = "du",
        ['和'] = "he",
        ['乐'] = "le",
        ['什'] = "shi",
        ['哈'] = "ha",
        ['莎'] = "sha",
        ['拉'] = "la",
    };

    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    public static string Syllable(char c) => Cache.GetOrAdd(c, static ch =>
        Overrides.TryGetValue(ch, out var s) ? s : ch.ToString().Transliterate().ToLowerInvariant());
}
