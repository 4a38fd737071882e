namespace Panah.Data.SignIn;

/// <summary>
/// One failed sign-in attempt, counted for the sign-in throttle of every app node on the database. Rows
/// live for the throttle's window only. The key is a hash: neither the client address nor the typed
/// email is stored.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; set; }

    /// <summary>SHA-256 of what is counted: a source, a source and an account, or a pending sign-in.</summary>
    public required byte[] Key { get; set; }

    /// <summary>When it failed, in Unix milliseconds (comparable and orderable on SQLite as on PostgreSQL).</summary>
    public long At { get; set; }
}
