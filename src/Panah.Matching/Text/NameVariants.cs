namespace Panah.Matching;

/// <summary>
/// Known spellings of the same Uyghur name: Uyghur Latin first (the canonical form), then Arabic-origin
/// Turkish forms, pinyin renderings from Chinese documents and Russian-style spellings. Every entry is
/// folded by <see cref="NameFolder"/>, so Arabic-script, Cyrillic or Chinese-character entries also work.
/// </summary>
internal static class NameVariants
{
    private static readonly string[][] Groups =
    [
        ["Abdurehim", "Abdurrahim", "Abdurahim", "Abdurrehim", "Abdurakhim", "Abudureyimu", "Abdirehim", "阿不都热依木"],
        ["Tursun", "Tuerxun", "吐尔逊"],
        ["Muhemmet", "Mehmet", "Muhammed", "Muhammet", "Mehmed", "Muhammad", "Mukhammed", "Maimaiti", "Memet", "Mamat", "买买提"],
        ["Yusup", "Yusuf", "Yusufu", "Yüsüp", "Jusup", "玉素甫"],
        ["Ehmet", "Ahmet", "Ahmed", "Ahmad", "Akhmet", "Aihemaiti", "艾合买提"],
        ["Abdulla", "Abdullah", "Abudula", "阿不都拉"],
        ["Mehmut", "Mahmut", "Mahmud", "Mehmud", "Maihemuti", "买合木提"],
        ["Rozi", "Rouzi", "肉孜"],
        ["Tohti", "Tuoheti", "Tokhti", "托合提"],
        ["Ilham", "Yilihamu", "伊力哈木"],
        ["Nur", "Nuer", "努尔"],
        ["Osman", "Usman", "Wusiman", "吾斯曼"],
        ["Ablimit", "Abulimiti", "阿不力米提"],
        ["Abliz", "Abulizi", "阿不力孜"],
        ["Qurban", "Kurban", "Kuerban", "库尔班"],
        ["Hesen", "Hasan", "Hassan", "Aishan", "艾山"],
        ["Hüseyin", "Husayn", "Hüsen", "Huseyn"],
        ["Erkin", "Aierken", "艾尔肯"],
        ["Kerim", "Karim", "Kelimu", "克力木"],
        ["Rehim", "Rahim", "Reyimu", "热依木"],
        ["Ibrahim", "Ibrayim", "Yibulayin", "依不拉音"],
        ["Ismayil", "Ismail", "Simayi", "司马义"],
        ["Yasin", "Yasen", "亚森"],
        ["Alim", "Alimu", "阿里木"],
        ["Obul", "Wubuli", "吾布力"],
        ["Hoshur", "Wushouer", "吾守尔"],
        ["Niyaz", "Niyazi", "尼亚孜"],
        ["Tahir", "Tayier", "塔依尔"],
        ["Adil", "Adili", "阿迪力"],
        ["Ghopur", "Gafur", "Gopur", "Wufuer", "吾甫尔"],
        ["Mijit", "Mecit", "Macit", "Mijiti", "米吉提"],
        ["Sabir", "Shabier", "沙比尔"],
        ["Turghun", "Turgun", "Tuerhong", "吐尔洪"],
        ["Yunus", "Yunusi", "玉努斯"],
        ["Eziz", "Aziz", "Aizezi", "艾则孜"],
        ["Abdukerim", "Abdulkerim", "Abdulkarim", "Abudukelimu", "阿不都克力木"],
        ["Abdurahman", "Abdurrahman", "Abdurehman", "Abudurehemen", "阿不都热合曼"],
        ["Ablet", "Abulaiti", "阿不来提"],
        ["Kamil", "Kamili", "卡米力"],
        ["Ömer", "Omar", "Umar", "Wumaer", "吾麦尔"],
        ["Eli", "Ali", "Aili", "艾力"],
        ["Memtimin", "Mehmetemin", "Maimaitiming", "买买提明"],
        ["Gülnar", "Gulinaer", "古丽娜尔"],
        ["Aygül", "Ayiguli", "阿依古丽"],
        ["Patigül", "Fatigül", "Patiguli", "帕提古丽"],
        ["Meryem", "Maryam", "Mariyam", "Maieryemu", "麦尔耶姆"],
        ["Ayshem", "Ayşe", "Aişe", "Aysha", "Ayixianmu", "阿依仙木"],
        ["Zulpiye", "Zülfiye", "Zulfiya", "Zulipiya", "祖力皮亚"],
        ["Rahile", "Reyila", "热依拉"],
        ["Nurgül", "Nuerguli", "努尔古丽"],
        ["Rizwangül", "Rızvangül", "Reziwanguli", "热孜万古丽"],
        ["Mahire", "Mayire", "玛依热"],
        ["Aynur", "Ayinuer", "阿依努尔"],
        ["Gülbahar", "Gulibahaer", "古丽巴哈尔"],
        ["Hebibe", "Habibe", "Habiba"],
        ["Zöhre", "Zühre", "Zohra", "Zuohela"],
        ["Xediche", "Hatice", "Khadija", "Hadiche", "Hadicha"],
        ["Patime", "Fatma", "Fatima", "Fatime", "Pati"],
        ["Zeynep", "Zaynab", "Zeyneb"],
        ["Emine", "Amina", "Aminem"],
        ["Xalide", "Halide", "Khalida"],
        ["Mihriban", "Mehriban", "Mihiriban"],
        ["Sajide", "Sacide", "Sajida"],
        ["Buhelchem", "Buhailiqiemu", "布海丽且木"],
        ["Muyesser", "Müyesser", "Muyassar"],
    ];

    private static readonly Dictionary<string, string> Canonical = Build();

    /// <summary>Lookup by folded token without allocating.</summary>
    public static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            var canonical = NameFolder.Fold(group[0]);
            foreach (var variant in group)
                map[NameFolder.Fold(variant)] = canonical;
        }

        return map;
    }
}
