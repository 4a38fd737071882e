using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.Keys;

/// <summary>A key that outlives master keys, stored sealed under the current one (see <see cref="RootSecrets"/>).</summary>
public sealed class RootSecret
{
    public string Name { get; set; } = "";
    public byte[] Sealed { get; set; } = [];
}

public sealed class RootSecretConfiguration : IEntityTypeConfiguration<RootSecret>
{
    public void Configure(EntityTypeBuilder<RootSecret> e)
    {
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(40);
    }
}
