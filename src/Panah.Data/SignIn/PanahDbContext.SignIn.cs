using Microsoft.EntityFrameworkCore;
using Panah.Data.SignIn;

namespace Panah.Data;

public sealed partial class PanahDbContext
{
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
}
