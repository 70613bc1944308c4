using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>A Dapper parameter with an explicit PostgreSQL type, for values Dapper would send as something else or not at all.</summary>
internal sealed class TypedParameter(object? value, NpgsqlDbType type) : SqlMapper.ICustomQueryParameter
{
    /// <summary>
    /// The API's text stored as a jsonb document, without a cast in the SQL. The content hash is always computed from the
    /// text itself (<see cref="ContentHash"/>): jsonb reorders keys and drops whitespace, so hashing it would call every
    /// unchanged object changed.
    /// </summary>
    public static TypedParameter Jsonb(string? json) => new(PostgresText.CleanJson(json), NpgsqlDbType.Jsonb);

    /// <summary>A date: Dapper does not map <see cref="DateOnly"/> itself; Npgsql does.</summary>
    public static TypedParameter Date(DateOnly? date) => new(date, NpgsqlDbType.Date);

    public void AddParameter(IDbCommand command, string name) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}
