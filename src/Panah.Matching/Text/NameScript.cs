namespace Panah.Matching;

/// <summary>The writing system of a name as registered.</summary>
public enum NameScript
{
    /// <summary>No letters.</summary>
    Unknown,

    /// <summary>Latin letters: Uyghur Latin, Turkish spelling, pinyin or any other Latin transcription.</summary>
    Latin,

    /// <summary>Uyghur Arabic script (UEY).</summary>
    Arabic,

    /// <summary>Cyrillic (Uyghur USY or Russian-style).</summary>
    Cyrillic,

    /// <summary>Chinese characters.</summary>
    Han,

    /// <summary>Letters of more than one script.</summary>
    Mixed,
}
