using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Panah.Data.Food;

/// <summary>
/// Inserts many new rows of one entity inside the current transaction, past the change tracker: binary COPY on
/// PostgreSQL (one stream, no statement per row), one prepared INSERT run once per row on SQLite (in process, so no
/// round trips). Each value goes through the model's own type mapping and converter, so a row is stored exactly as
/// SaveChanges would store it and reads back through EF unchanged. Every column is written, so rows must be complete:
/// no database-generated values, no navigations (their rows are inserted on their own).
/// </summary>
internal static class BulkInsert
{
    public static async Task RunAsync<T>(PanahDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk insert runs inside the caller's transaction, so that a failure leaves nothing behind.");
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, p.GetRelationalTypeMapping())).ToList();
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, $"COPY {Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", columns, rows, ct);
        }
        else
        {
            await PreparedAsync(connection, db.Database.CurrentTransaction.GetDbTransaction(), $"INSERT INTO {Quote(table.Name)} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})", columns, rows, ct);
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter getter = Property.GetGetter();

        /// <summary>The value as the database stores it (after the property's converter, if any).</summary>
        public object? ValueOf(object row) =>
            getter.GetClrValueUsingContainingEntity(row) is { } value ? Mapping.Converter?.ConvertToProvider(value) ?? value : null;
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, List<Column> columns, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        // StoreTypeNameBase drops the facets ("character varying(200)" is written as "character varying").
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].ValueOf(row) is { } value)
                {
                    await importer.WriteAsync(value, types[i], ct);
                }
                else
                {
                    await importer.WriteNullAsync(ct);
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static async Task PreparedAsync<T>(DbConnection connection, DbTransaction transaction, string insert, List<Column> columns, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
        // The mapping configures each parameter (its provider type) once; only the values change from row to row.
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Quote(string name) => '"' + name.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
