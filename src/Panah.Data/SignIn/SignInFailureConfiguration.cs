using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Panah.Data.SignIn;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> e)
    {
        e.Property(x => x.Key).HasMaxLength(32);
        e.HasIndex(x => new { x.Key, x.At });
        e.HasIndex(x => x.At);
    }
}
