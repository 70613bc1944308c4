using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// What Initialize-HostawayDatabase does to a PostgreSQL store, for callers outside the engine: look at the schema without
/// changing anything (for -WhatIf), or create or migrate it. Both refuse, with the initializer's stable ids, a schema another
/// application uses and one a newer HostawaySync wrote.
/// </summary>
public static class PostgresSchemaSetup
{
    /// <summary>The PostgreSQL schema version this engine creates and understands.</summary>
    public static int CurrentSchemaVersion => PostgresDatabaseInitializer.CurrentSchemaVersion;

    /// <summary>
    /// Reads the schema's HostawaySync version in a read-only transaction and says what <see cref="Initialize"/> would do.
    /// Connects to the server, so a wrong password or an unreachable server surfaces here already.
    /// </summary>
    /// <exception cref="Errors.HostawayException">Unreachable, refused login, missing database, foreign or newer schema.</exception>
    public static PostgresSchemaInspection Inspect(PostgresStoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var target = location.Target;
        using var connection = PostgresConnections.Open(target);
        try
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("SET TRANSACTION READ ONLY;", transaction: transaction);

            var version = PostgresSchemaVersion.Read(connection, transaction, target);
            transaction.Rollback();
            var current = CurrentSchemaVersion;
            var action = version == 0 ? DatabaseAction.Created : version < current ? DatabaseAction.Upgraded : DatabaseAction.Unchanged;
            return new PostgresSchemaInspection(location.Display, target.Schema, version, current, action);
        }
        catch (Exception exception) when (exception is NpgsqlException && PostgresErrors.FromNpgsql(target, exception) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Creates the schema and its tables, or migrates them to <see cref="CurrentSchemaVersion"/>. Idempotent.</summary>
    /// <exception cref="Errors.HostawayException">Unreachable, refused login, missing database, no CREATE privilege, foreign or newer schema.</exception>
    public static PostgresSchemaInfo Initialize(PostgresStoreLocation location, string? moduleVersion)
    {
        ArgumentNullException.ThrowIfNull(location);
        var info = PostgresDatabaseInitializer.Initialize(location.Target, moduleVersion);
        return new PostgresSchemaInfo(location.Display, location.Schema, info.SchemaVersion, info.PreviousSchemaVersion, info.Action, info.Tables, info.ServerVersion);
    }
}
