using Dapper;
using Npgsql;

namespace HostawaySync.Engine.Tests.Postgres;

/// <summary>A fresh, empty database on the test server, dropped (with any connection still open to it) on Dispose.</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string adminConnectionString;

    public PostgresDatabase(string adminConnectionString)
    {
        this.adminConnectionString = adminConnectionString;
        Name = "hostawaysync_test_" + Guid.NewGuid().ToString("N")[..12];
        using var admin = new NpgsqlConnection(adminConnectionString);
        admin.Execute($"CREATE DATABASE {Name};");
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = Name }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>Superuser connection string to this database.</summary>
    public string ConnectionString { get; }

    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(adminConnectionString);
        admin.Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE);");
    }
}
