using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Store;
using HostawaySync.Engine.Store.Postgres;
using HostawaySync.Engine.Tests.Postgres;
using Npgsql;

namespace HostawaySync.Engine.Tests.Store.Contract;

/// <summary>The store contract against PostgreSQL: a fresh database on the throwaway server, in a schema that is not the default.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : StoreContractTests, IDisposable
{
    private const string Schema = "contract";

    private readonly Lazy<PostgresDatabase> _database = new(server.CreateDatabase);

    public void Dispose()
    {
        if (_database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
    }

    private protected override ISyncStore OpenStore() => PostgresSyncStore.Open(_database.Value.ConnectionString, Schema);

    protected override DbConnection OpenReader()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.Value.ConnectionString) { SearchPath = Schema }.ConnectionString);
        connection.Open();
        return connection;
    }

    private protected override StoreLocation Location => StoreLocation.FromUrl(_database.Value.ConnectionString + ";Schema=" + Schema);

    protected override bool StoresNul => false;

    protected override IReadOnlyList<long> SearchMessages(string word)
    {
        using var connection = OpenReader();
        return connection.Query<long>(
            $"SELECT message_id FROM message_search WHERE body @@ plainto_tsquery('{Schema}.message_search', @Word) ORDER BY message_id;", new { Word = word }).AsList();
    }

    protected override IReadOnlyList<long> SearchReviews(string word)
    {
        using var connection = OpenReader();
        return connection.Query<long>(
            $"SELECT review_id FROM review_search WHERE body @@ plainto_tsquery('{Schema}.message_search', @Word) ORDER BY review_id;", new { Word = word }).AsList();
    }
}
