using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Panah.Data;

/// <summary>What a failed save means, the same on both databases.</summary>
public static class DbErrors
{
    /// <summary>
    /// True when a unique index or primary key refused the save: someone else wrote the same row first. Any other
    /// failure (a foreign key, a check, a lost connection) is not a race to answer politely and should propagate.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY; PostgreSQL's unique_violation.
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
