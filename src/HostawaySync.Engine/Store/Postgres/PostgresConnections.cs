using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>Opens connections to HostawaySync's schema: search_path set to it alone, the session in UTC, failures as store errors.</summary>
internal static class PostgresConnections
{
    /// <summary>
    /// Opens a connection to the schema (pooled). The schema is the only one on the search path (pg_catalog stays implicitly
    /// first), and the session is in UTC, so nothing the server renders depends on where it runs.
    /// </summary>
    /// <param name="target">The database and schema.</param>
    /// <param name="pooling">Whether the connection comes from (and returns to) Npgsql's pool.</param>
    /// <param name="applicationName">The name the session shows in pg_stat_activity, or null for Npgsql's.</param>
    /// <param name="syncWriter">
    /// For the connection a sync writes its pages through: its commits do not wait for the WAL flush
    /// (<c>synchronous_commit = off</c>), the guarantee SQLite's <c>synchronous = NORMAL</c> gives the SQLite store. A commit
    /// survives the sync being killed (the server has it); a crash of the server itself can lose the last fraction of a
    /// second of commits, never consistency, and each page's checkpoint goes with its rows, so the next sync fetches those
    /// pages again. A full sync commits a transaction per conversation; waiting for a disk flush each time tripled its time.
    /// </param>
    /// <exception cref="Errors.HostawayException">The server cannot be reached, refuses the user, or has no such database.</exception>
    public static NpgsqlConnection Open(PostgresTarget target, bool pooling = true, string? applicationName = null, bool syncWriter = false)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { SearchPath = target.Schema, Timezone = "UTC", Pooling = pooling };
        if (applicationName is not null)
        {
            builder.ApplicationName = applicationName;
        }

        if (syncWriter)
        {
            // A setting of the session's own (not SET): the pool keeps such connections apart from the others.
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c synchronous_commit=off" : builder.Options + " -c synchronous_commit=off";
        }

        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception exception) when (exception is NpgsqlException && PostgresErrors.FromNpgsql(target, exception) is { } error)
        {
            connection.Dispose();
            throw error;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a connection to an existing HostawaySync schema for reading: a schema that is missing or empty is
    /// HostawayDatabaseNotFound (nothing is created), a foreign or newer one is refused as by the initializer.
    /// </summary>
    public static NpgsqlConnection OpenExisting(PostgresTarget target)
    {
        var connection = Open(target);
        try
        {
            int version;
            using (var transaction = connection.BeginTransaction())
            {
                version = PostgresSchemaVersion.Read(connection, transaction, target);
                transaction.Commit();
            }

            return version > 0 ? connection : throw PostgresErrors.NotFound(target);
        }
        catch (Exception exception) when (exception is NpgsqlException && PostgresErrors.FromNpgsql(target, exception) is { } error)
        {
            connection.Dispose();
            throw error;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
