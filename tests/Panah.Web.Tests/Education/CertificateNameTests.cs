using Panah.Core.Registry;
using Panah.Data.Education;

namespace Panah.Web.Tests.Education;

/// <summary>The name a certificate in Turkish and English prints, and the initials its public check shows, are in Latin letters.</summary>
public sealed class CertificateNameTests
{
    [Fact]
    public void A_holder_registered_only_in_Uyghur_Arabic_script_is_printed_in_Uyghur_Latin()
    {
        var details = new PersonDetails { Name = new PersonName(NameScript.UyghurArabic, "گۈلنار", "ئابلىز", "مۇھەممەت") };

        var printed = Certificates.PrintedName(details);

        Assert.Equal(new PersonName(NameScript.UyghurLatin, "Gulnar", "Abliz", "Muhemmet"), printed);
        Assert.Equal("Gulnar Abliz", printed.Display);
        Assert.Equal("G. A.", Certificates.Initials(printed));
    }

    [Fact]
    public void A_Latin_spelling_on_record_is_printed_as_registered_Turkish_first()
    {
        var turkish = new PersonName(NameScript.Turkish, "Gülnar", "Abliz", null);
        var details = new PersonDetails
        {
            Name = new PersonName(NameScript.UyghurArabic, "گۈلنار", "ئابلىز", null),
            Spellings = [new PersonName(NameScript.UyghurLatin, "Gülnar", "Abliz", null), turkish],
        };

        Assert.Same(turkish, Certificates.PrintedName(details));
        Assert.Equal("İ. Ö.", Certificates.Initials(new PersonName(NameScript.Turkish, "ismail", "öztürk", null)));
    }
}
