using System.Net.Sockets;
using HostawaySync.Engine.Errors;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Builds the PostgreSQL store's user-facing errors. Messages name the target through <see cref="PostgresTarget.ToString"/>
/// and the server's own words (which never contain the password), never the connection string.
/// </summary>
internal static class PostgresErrors
{
    public static HostawayException Unreachable(PostgresTarget target, string reason, Exception inner) => new(
        ErrorIds.DatabaseUnreachable, ErrorKind.Unavailable,
        $"The {target} cannot be reached: {reason}",
        "Check that the server is running and that the host and port are right and reachable from this machine (firewall, VPN), then try again.", target.ToString(), inner);

    public static HostawayException AuthFailed(PostgresTarget target, string reason, Exception inner)
    {
        // A refused password is not used again for the same password-free URL later in the session.
        StoreLocation.ForgetRefusedPassword(target);
        return new(
            ErrorIds.DatabaseAuthFailed, ErrorKind.Authentication,
            $"The server refused the user '{target.User}' for the {target}: {reason}",
            "Check the user name and password in the connection string (or PGPASSWORD, or the pgpass file), and the server's pg_hba.conf rules for this host.", target.ToString(), inner);
    }

    public static HostawayException DatabaseMissing(PostgresTarget target, Exception inner) => new(
        ErrorIds.DatabaseMissing, ErrorKind.StoreUnusable,
        $"The server {target.Host}:{target.Port} has no database '{target.Database}'. HostawaySync creates its schema in an existing database and never creates databases.",
        $"Create it (for example: CREATE DATABASE \"{target.Database}\";) or correct the database name in the connection string.", target.ToString(), inner);

    public static HostawayException PermissionDenied(PostgresTarget target, string reason, Exception inner) => new(
        ErrorIds.DatabaseNotWritable, ErrorKind.StoreNotWritable,
        $"The user '{target.User}' may not create or write HostawaySync's tables in the {target}: {reason}",
        $"Grant the user CREATE on the database (to create schema '{target.Schema}'), or create the schema for it (CREATE SCHEMA {target.Schema} AUTHORIZATION \"{target.User}\";).", target.ToString(), inner);

    public static HostawayException NotFound(PostgresTarget target) => new(
        ErrorIds.DatabaseNotFound, ErrorKind.InvalidArgument,
        $"The schema '{target.Schema}' of the {target} holds no HostawaySync database yet.",
        "Run Invoke-HostawaySync (or Initialize-HostawayDatabase) with this -DatabaseUrl first, or correct the schema name (?schema=... in the URL).", target.ToString());

    public static HostawayException Locked(PostgresTarget target, Exception inner) => new(
        ErrorIds.DatabaseLocked, ErrorKind.StoreLocked,
        $"Another HostawaySync process has held the schema lock of the {target} longer than the lock timeout.",
        "Wait for the other HostawaySync process (for example a scheduled sync or an upgrade) to finish, then try again.", target.ToString(), inner);

    public static HostawayException Foreign(PostgresTarget target, long tables) => new(
        ErrorIds.DatabaseForeign, ErrorKind.StoreUnusable,
        $"The schema '{target.Schema}' of the {target} already holds {tables} table(s) and no HostawaySync schema version: another application uses it. It was left untouched.",
        "Give HostawaySync a schema of its own (the default is 'hostaway'), or a new database.", target.ToString());

    public static HostawayException SchemaTooNew(PostgresTarget target, int found, int supported) => new(
        ErrorIds.DatabaseSchemaTooNew, ErrorKind.StoreUnusable,
        $"The schema '{target.Schema}' of the {target} has HostawaySync schema version {found}, but this version of HostawaySync understands PostgreSQL schema versions up to {supported}. Nothing was changed.",
        "Update the HostawaySync module to the version that wrote this schema, or use another schema.", target.ToString());

    /// <summary>Translates an Npgsql failure into a store error, or returns null when it is not one the user can act on.</summary>
    public static HostawayException? FromNpgsql(PostgresTarget target, Exception exception) => exception switch
    {
        PostgresException server => server.SqlState switch
        {
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => AuthFailed(target, server.MessageText, server),
            PostgresErrorCodes.InvalidCatalogName => DatabaseMissing(target, server),
            PostgresErrorCodes.InsufficientPrivilege => PermissionDenied(target, server.MessageText, server),
            PostgresErrorCodes.LockNotAvailable => Locked(target, server),
            PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown => Unreachable(target, server.MessageText, server),
            _ => null,
        },
        NpgsqlException client when client.InnerException is SocketException or TimeoutException or IOException =>
            Unreachable(target, client.InnerException.Message, client),
        // Npgsql raises this one itself, before the server says anything: the server asked for a password and none was given.
        NpgsqlException client when client.Message.StartsWith("No password has been provided", StringComparison.Ordinal) =>
            AuthFailed(target, "the server requires a password and the connection string has none.", client),
        _ => null,
    };
}
