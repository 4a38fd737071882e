namespace Panah.Benchmarks.Synthetic;

/// <summary>A Uyghur name with its Arabic-origin Turkish form, pinyin rendering and Chinese characters where known.</summary>
internal sealed record UyghurName(string Uly, string? Turkish = null, string? Pinyin = null, string? Han = null);

/// <summary>
/// The generator's own name list, written independently of the matcher's variant table; a few names have a
/// pinyin form the matcher does not know, as in real life.
/// </summary>
internal static class UyghurNames
{
    public static readonly UyghurName[] Male =
    [
        new("Muhemmet", "Mehmet", "Maimaiti", "买买提"), new("Abdurehim", "Abdurrahim", "Abudureyimu", "阿不都热依木"),
        new("Ehmet", "Ahmet", "Aihemaiti", "艾合买提"), new("Tursun", null, "Tuerxun", "吐尔逊"),
        new("Abdulla", "Abdullah", "Abudula", "阿不都拉"), new("Yusup", "Yusuf", "Yusufu", "玉素甫"),
        new("Mehmut", "Mahmut", "Maihemuti", "买合木提"), new("Tohti", null, "Tuoheti", "托合提"),
        new("Ilham", null, "Yilihamu", "伊力哈木"), new("Osman", null, "Wusiman", "吾斯曼"),
        new("Ablimit", null, "Abulimiti", "阿不力米提"), new("Abliz", null, "Abulizi", "阿不力孜"),
        new("Qurban", "Kurban", "Kuerban", "库尔班"), new("Hesen", "Hasan", "Aishan", "艾山"),
        new("Erkin", null, "Aierken", "艾尔肯"), new("Kerim", null, "Kelimu", "克力木"),
        new("Ibrahim", "İbrahim", "Yibulayin", "依不拉音"), new("Ismayil", "İsmail", "Simayi", "司马义"),
        new("Yasin", null, "Yasen", "亚森"), new("Alim", null, "Alimu", "阿里木"),
        new("Obul", null, "Wubuli", "吾布力"), new("Hoshur", null, "Wushouer", "吾守尔"),
        new("Niyaz", null, "Niyazi", "尼亚孜"), new("Tahir", null, "Tayier", "塔依尔"),
        new("Adil", null, "Adili", "阿迪力"), new("Ghopur", "Gafur", "Wufuer", "吾甫尔"),
        new("Mijit", "Mecit", "Mijiti", "米吉提"), new("Sabir", null, "Shabier", "沙比尔"),
        new("Turghun", "Turgun", "Tuerhong", "吐尔洪"), new("Yunus", null, "Yunusi", "玉努斯"),
        new("Eziz", "Aziz", "Aizezi", "艾则孜"), new("Abdukerim", "Abdulkerim", "Abudukelimu", "阿不都克力木"),
        new("Abdurahman", "Abdurrahman", "Abudurehemen", "阿不都热合曼"), new("Ablet", null, "Abulaiti", "阿不来提"),
        new("Kamil", null, "Kamili", "卡米力"), new("Ömer", null, "Wumaer", "吾麦尔"),
        new("Rozi", null, "Rouzi", "肉孜"), new("Nurmemet", "Nurmehmet", "Nuermaimaiti", "努尔买买提"),
        new("Memtimin", "Mehmetemin", "Maimaitiming", "买买提明"), new("Exmetjan", "Ahmetcan", "Aihemaitijiang", "艾合买提江"),
        new("Dilshat", "Dilşat", "Dilixiati", "迪力夏提"), new("Perhat", "Ferhat", "Paerhati", "帕尔哈提"),
        new("Nijat", "Necat", "Nijiati", "尼加提"), new("Rustem", "Rüstem", "Lusitanmu", "鲁斯坦木"),
        new("Shöhret", "Şöhret", "Shouhelaiti", "首合来提"), new("Qeyser", "Kayser", "Kaiseer", "凯赛尔"),
        new("Zakir", null, "Zakeer", "扎克尔"), new("Jelil", "Celil", "Jililai", "吉力力"),
    ];

    public static readonly UyghurName[] Female =
    [
        new("Gülnar", null, "Gulinaer", "古丽娜尔"), new("Aygül", null, "Ayiguli", "阿依古丽"),
        new("Patigül", null, "Patiguli", "帕提古丽"), new("Meryem", null, "Maieryemu", "麦尔耶姆"),
        new("Zulpiye", "Zülfiye", "Zulipiya", "祖力皮亚"), new("Rahile", null, "Reyila", "热依拉"),
        new("Nurgül", null, "Nuerguli", "努尔古丽"), new("Rizwangül", null, "Reziwanguli", "热孜万古丽"),
        new("Mahire", null, "Mayire", "玛依热"), new("Aynur", null, "Ayinuer", "阿依努尔"),
        new("Gülbahar", null, "Gulibahaer", "古丽巴哈尔"), new("Xediche", "Hatice", "Hadiqie", "哈迪切"),
        new("Patime", "Fatma", "Patiman", "帕提曼"), new("Zeynep", null, "Zainafu", "再纳甫"),
        new("Mihriban", null, "Mihiriban", "米合日班"), new("Buhelchem", null, "Buhailiqiemu", "布海丽且木"),
        new("Muyesser", "Müyesser", "Muyisaer", "木依萨尔"), new("Dilnur", null, "Dilinuer", "迪丽努尔"),
        new("Gulshen", "Gülşen", "Gulixian", "古丽仙"), new("Mukerrem", "Mükerrem", "Mukailaimu", "木开拉木"),
        new("Sajide", "Sacide", "Sajide", "萨吉旦"), new("Halide", null, "Halida", "哈丽达"),
        new("Tajigül", "Taçgül", "Tajiguli", "塔吉古丽"), new("Roshengül", "Röşengül", "Luoxianguli", "洛仙古丽"),
    ];

    public static readonly string[] Places = ["Qeshqer", "Xoten", "Aqsu", "Ürümchi", "Ghulja", "Turpan", "Qumul", "Atush", "Yerken", "Korla", "Chöchek", "Qarghiliq"];

    public static readonly string[] Districts = ["Zeytinburnu", "Sefaköy", "Küçükçekmece", "Başakşehir", "Esenyurt", "Fatih", "Kayseri Melikgazi", "Kayseri Kocasinan"];

    public static readonly string[] Streets = ["Atatürk Caddesi", "Cumhuriyet Sokak", "Gül Sokak", "Yavuz Selim Caddesi", "Mimar Sinan Sokak", "Fevzi Çakmak Caddesi", "Barbaros Bulvarı", "Menekşe Sokak"];
}

/// <summary>The full pools the generator draws from (declared apart so the lists above are initialised first).</summary>
internal static class NamePool
{
    /// <summary>The listed male names followed by compounds (Abdu- + root, root alone), which have no known pinyin form.</summary>
    public static readonly UyghurName[] AllMale = [.. UyghurNames.Male, .. Compounds(["Abdu", ""], ["réshit", "qadir", "ghappar", "xaliq", "sattar", "qeyyum", "latip", "samet", "shükür", "hamit", "weli", "selam", "ehed", "jelil", "muqeddes"])];

    /// <summary>The realistic generator's male pool: the above and a dozen more, about 150 given names with the female pool.</summary>
    public static readonly UyghurName[] RealisticMale =
    [
        .. AllMale, new("Memet", "Mehmet"), new("Hashim", "Haşim"), new("Qasim", "Kasım"), new("Mamut", "Mahmut"),
        new("Abduweli", "Abdulvelî"), new("Imin", "Emin"), new("Nurmuhemmet", "Nurmehmet"), new("Shemshidin", "Şemsettin"),
        new("Jappar", "Cabbar"), new("Hélil", "Halil"), new("Muxtar", "Muhtar"), new("Yaqup", "Yakup"),
    ];

    /// <summary>The listed female names followed by compounds (Gül-, Ay-, Dil-, Nur- + root).</summary>
    public static readonly UyghurName[] AllFemale = [.. UyghurNames.Female, .. Compounds(["Gül", "Ay", "Dil", "Nur"], ["zire", "nisa", "mire", "chehre", "xumar", "ayim", "pem", "bibi", "zat"])];

    private static IEnumerable<UyghurName> Compounds(string[] prefixes, string[] roots) =>
        from prefix in prefixes
        from root in roots
        let name = prefix + root
        select new UyghurName(char.ToUpperInvariant(name[0]) + name[1..]);
}
