using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>Opens connections to HostawaySync's schema: search_path set to it alone, the session in UTC, failures as store errors.</summary>
internal static class PostgresConnections
{
    /// <summary>
    /// Opens a connection to the schema (pooled). The schema is the only one on the search path (pg_catalog stays implicitly
    /// first), and the session is in UTC, so nothing the server renders depends on where it runs.
    /// </summary>
    /// <exception cref="Errors.HostawayException">The server cannot be reached, refuses the user, or has no such database.</exception>
    public static NpgsqlConnection Open(PostgresTarget target, bool pooling = true, string? applicationName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { SearchPath = target.Schema, Timezone = "UTC", Pooling = pooling };
        if (applicationName is not null)
        {
            builder.ApplicationName = applicationName;
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
