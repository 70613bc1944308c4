using System.Data.Common;
using Dapper;
using HostawaySync.Engine.Store;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Tests.Store.Contract;

/// <summary>The store contract against SQLite, in a temporary file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();

    private string DatabasePath => _folder.Combine("contract.db");

    public void Dispose() => _folder.Dispose();

    private protected override ISyncStore OpenStore()
    {
        DatabaseInitializer.Initialize(DatabasePath);
        return SqliteSyncStore.OpenForWriting(DatabasePath);
    }

    protected override DbConnection OpenReader() => StoreConnection.Open(DatabasePath, SqliteOpenMode.ReadOnly);

    private protected override StoreLocation Location => StoreLocation.FromPath(DatabasePath);

    protected override IReadOnlyList<long> SearchMessages(string word)
    {
        using var connection = OpenReader();
        return connection.Query<long>("SELECT rowid FROM message_search WHERE message_search MATCH @Word ORDER BY rowid;", new { Word = word }).AsList();
    }

    protected override IReadOnlyList<long> SearchReviews(string word)
    {
        using var connection = OpenReader();
        return connection.Query<long>("SELECT rowid FROM review_search WHERE review_search MATCH @Word ORDER BY rowid;", new { Word = word }).AsList();
    }
}
