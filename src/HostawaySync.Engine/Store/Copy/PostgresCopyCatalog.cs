using Dapper;
using HostawaySync.Engine.Store.Postgres;
using Npgsql;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>What a PostgreSQL schema says about HostawaySync's tables, for a copy's source and destination alike.</summary>
internal static class PostgresCopyCatalog
{
    /// <summary>A table's columns and their types, in the table's order.</summary>
    public static IReadOnlyList<(string Name, string? PostgresType)> Columns(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTarget target, string table) =>
        connection.Query<(string Name, string Type)>(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = @Schema AND table_name = @Table ORDER BY ordinal_position;",
                new { target.Schema, Table = table }, transaction)
            .Select(c => (c.Name, (string?)c.Type)).ToList();

    /// <summary>The copied tables that exist in the schema.</summary>
    public static IReadOnlyList<string> ExistingTables(NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresTarget target)
    {
        var names = CopyCatalog.Tables.Select(t => t.Name).ToArray();
        return connection.Query<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @Schema AND table_name = ANY(@Names);",
            new { target.Schema, Names = names }, transaction).AsList();
    }
}
