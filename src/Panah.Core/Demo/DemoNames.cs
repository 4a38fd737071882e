namespace Panah.Core.Demo;

/// <summary>One Uyghur given name in the spellings it meets in Turkey: Uyghur Latin, Turkish, Uyghur Arabic script, Cyrillic, Chinese pinyin.</summary>
public sealed record DemoName(string Latin, string Turkish, string Arabic, string Cyrillic, string Pinyin);

/// <summary>Common Uyghur given names (the family name is usually the father's given name).</summary>
public static class DemoNames
{
    public static readonly DemoName[] Male = Parse("""
        Abdurehim|Abdurrahim|ئابدۇرېھىم|Абдурехим|Abudureyimu
        Muhemmet|Muhammed|مۇھەممەت|Мухәммәт|Maimaiti
        Tursun|Tursun|تۇرسۇن|Турсун|Tuerxun
        Ehmet|Ahmet|ئەھمەت|Әхмәт|Aihemaiti
        Abdulla|Abdullah|ئابدۇللا|Абдулла|Abudula
        Yusup|Yusuf|يۇسۇپ|Юсуп|Yusufu
        Nurmemet|Nurmehmet|نۇرمەمەت|Нурмәмәт|Nuermaimaiti
        Erkin|Erkin|ئەركىن|Әркин|Aierken
        Ablikim|Ablikim|ئابلىكىم|Абликим|Abulikemu
        Qurban|Kurban|قۇربان|Қурбан|Kuerban
        Memet|Mehmet|مەمەت|Мәмәт|Maimaiti
        Rozi|Rozi|روزى|Рози|Rouzi
        Mamut|Mahmut|مامۇت|Мамут|Mamuti
        Ilham|İlham|ئىلھام|Илһам|Yilihamu
        Adil|Adil|ئادىل|Адил|Adili
        Alim|Alim|ئالىم|Алим|Alimu
        Dilshat|Dilşat|دىلشات|Дилшат|Dilixiati
        Ekber|Ekber|ئەكبەر|Әкбәр|Aikebaier
        Hoshur|Hoşur|ھوشۇر|Һошур|Hexiuer
        Kerim|Kerim|كېرىم|Керим|Kelimu
        Ismayil|İsmail|ئىسمايىل|Исмайил|Yisimayili
        Omer|Ömer|ئۆمەر|Өмәр|Wumaier
        Hesen|Hasan|ھەسەن|Һәсән|Aisan
        Hüseyin|Hüseyin|ھۈسەيىن|Һүсәйин|Husaiyin
        Ibrahim|İbrahim|ئىبراھىم|Ибраһим|Yibulayin
        Obulqasim|Ebulkasım|ئوبۇلقاسىم|Обулқасим|Abulikasimu
        Abduqadir|Abdulkadir|ئابدۇقادىر|Абдуқадир|Abudukadier
        Exmetjan|Ahmetcan|ئەخمەتجان|Әхмәтҗан|Aihemaitijiang
        Perhat|Ferhat|پەرھات|Пәрһат|Paerhati
        Mutellip|Muttalip|مۇتەللىپ|Мутәллип|Mutailipu
        """);

    public static readonly DemoName[] Female = Parse("""
        Gulnar|Gülnar|گۈلنار|Гүлнар|Gulinaer
        Aygul|Aygül|ئايگۈل|Айгүл|Ayiguli
        Mihray|Mihray|مىھراي|Миһрай|Mihereayi
        Rabiye|Rabia|رابىيە|Рабийә|Rebiya
        Patigul|Fatigül|پاتىگۈل|Патигүл|Patiguli
        Zulpiye|Zülfiye|زۇلپىيە|Зулпийә|Zulipiye
        Nurgul|Nurgül|نۇرگۈل|Нургүл|Nuerguli
        Mehrigul|Mehrigül|مېھرىگۈل|Меһригүл|Maihereguli
        Dilnur|Dilnur|دىلنۇر|Дилнур|Dilinuer
        Gulzar|Gülzar|گۈلزار|Гүлзар|Gulizhaer
        Ayshem|Ayşe|ئايشەم|Айшәм|Ayixiemu
        Zohre|Zühre|زوھرە|Зоһрә|Zuohere
        Amine|Emine|ئامىنە|Аминә|Aminai
        Reyhangul|Reyhangül|رەيھانگۈل|Рәйһангүл|Reyihanguli
        Buzeynep|Büzeynep|بۈزەينەپ|Бүзәйнәп|Buzainafu
        Sajide|Sacide|ساجىدە|Саҗидә|Sajide
        Hanzohre|Hanzühre|ھانزوھرە|Һанзоһрә|Hanzuohere
        Meryem|Meryem|مەريەم|Мәрйәм|Maiyemu
        Xadiche|Hatice|خەدىچە|Хәдичә|Hadiqie
        Salamet|Selamet|سالامەت|Саламәт|Salamaiti
        Nurbiye|Nurbiye|نۇربىيە|Нурбийә|Nuerbiye
        Tajigul|Tacigül|تاجىگۈل|Таҗигүл|Tajiguli
        Arzugul|Arzugül|ئارزۇگۈل|Арзугүл|Aerzuguli
        Shehrizat|Şehrizat|شەھرىزات|Шәһризат|Xiaheerzhati
        """);

    private static DemoName[] Parse(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|'))
            .Select(p => new DemoName(p[0], p[1], p[2], p[3], p[4]))
            .ToArray();
}
