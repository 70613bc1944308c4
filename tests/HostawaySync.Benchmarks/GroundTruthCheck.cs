using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Simulator;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Benchmarks;

/// <summary>
/// Whether a database equals the simulator's ground truth (as the engine tests' SyncHarness checks it): the live
/// listings and reservations are exactly the API's, with the same JSON; the live conversations are exactly the API's;
/// every message of every live conversation is stored and no other. Reports counts rather than failing. The SQL reads
/// SQLite and PostgreSQL alike (the same tables and columns; '{}' compares with a jsonb column as a jsonb value, and jsonb
/// hands its document back with its keys reordered, which a comparison of JSON values ignores).
/// </summary>
public static class GroundTruthCheck
{
    public static async Task<IReadOnlyList<TableComparison>> CompareAsync(HostawaySimulator simulator, string databasePath)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        return await CompareAsync(simulator, db);
    }

    /// <summary>The same comparison on an open connection to the store's tables (a SQLite file, or a PostgreSQL schema on the search path).</summary>
    public static async Task<IReadOnlyList<TableComparison>> CompareAsync(HostawaySimulator simulator, DbConnection db) =>
        [
            await CompareObjectsAsync(simulator, db, "listings", "listing_id"),
            await CompareObjectsAsync(simulator, db, "reservations", "reservation_id"),
            await CompareIdsAsync(simulator, db),
            await CompareMessagesAsync(simulator, db),
        ];

    /// <summary>
    /// What <see cref="CompareAsync(HostawaySimulator, string)"/> leaves out, as the engine tests' SyncHarness checks it:
    /// each live conversation of the API has its file, and the file holds exactly the API's messages with the API's texts
    /// (a conversation whose file is missing counts as missing, one whose file lacks a message, holds another or a
    /// different text counts as differing); and each stored message has the API's status and direction.
    /// </summary>
    public static async Task<IReadOnlyList<TableComparison>> CompareFilesAsync(HostawaySimulator simulator, string databasePath, string conversationsPath)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        var truth = await GroundTruthFeed.MessagesAsync(simulator);
        var byConversation = truth.ToLookup(m => m.ConversationId);
        var conversations = new HashSet<long>();
        await foreach (var element in GroundTruthFeed.ReadAsync(simulator, "conversations"))
        {
            conversations.Add(element.GetProperty("id").GetInt64());
        }

        var files = db.Query<(long Id, string? FilePath)>("SELECT conversation_id, file_path FROM conversations WHERE deleted_at IS NULL;").ToDictionary(c => c.Id, c => c.FilePath);
        var paths = new ConversationPaths(conversationsPath);
        long read = 0, missing = 0, differ = 0;
        foreach (var id in conversations)
        {
            if (files.GetValueOrDefault(id) is not { } relative || !File.Exists(paths.FullPath(relative)))
            {
                missing++;
                continue;
            }

            read++;
            using var reader = new StreamReader(paths.FullPath(relative));
            var parsed = ConversationFileFormat.Parse(reader);
            var bodies = parsed.Messages.Where(m => m.Message.MessageId is not null).ToDictionary(m => m.Message.MessageId!.Value, m => m.Message.Body);
            var expected = byConversation[id].ToList();
            if (parsed.Header.ConversationId != id || bodies.Count != expected.Count
                || expected.Any(m => !bodies.TryGetValue(m.Id, out var body) || body != Normalized(m.Body)))
            {
                differ++;
            }
        }

        var stored = db.Query<(long ConversationId, long Id, string Direction, string? Status)>(
            """
            SELECT m.conversation_id, m.message_id, m.direction, m.status FROM messages_metadata m JOIN conversations c ON c.conversation_id = m.conversation_id
            WHERE c.deleted_at IS NULL AND m.message_id > 0;
            """).ToDictionary(m => (m.ConversationId, m.Id));
        var keys = truth.Select(m => (m.ConversationId, m.Id)).ToHashSet();
        var differing = truth.Count(m => stored.TryGetValue((m.ConversationId, m.Id), out var row)
            && (row.Direction != (m.Incoming ? "guest" : "host") || row.Status != m.Status));
        return
        [
            new TableComparison("conversation files", conversations.Count, read, missing, files.Keys.Count(f => !conversations.Contains(f)), differ),
            new TableComparison("message status and direction", truth.Count, stored.Count, keys.Count(k => !stored.ContainsKey(k)), stored.Keys.Count(k => !keys.Contains(k)), differing),
        ];
    }

    /// <summary>A body as a file keeps it: line ends as \n.</summary>
    private static string Normalized(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static async Task<TableComparison> CompareObjectsAsync(HostawaySimulator simulator, DbConnection db, string table, string idColumn)
    {
        var live = db.Query<long>($"SELECT {idColumn} FROM {table} WHERE deleted_at IS NULL AND raw_json <> '{{}}';").ToHashSet();
        using var lookup = db.CreateCommand();
        lookup.CommandText = $"SELECT raw_json FROM {table} WHERE {idColumn} = @id AND deleted_at IS NULL AND raw_json <> '{{}}';";
        var id = lookup.CreateParameter();
        id.ParameterName = "id";
        id.Value = 0L;
        lookup.Parameters.Add(id);
        lookup.Prepare();
        long truth = 0, missing = 0, differ = 0;
        var seen = new HashSet<long>();
        await foreach (var element in GroundTruthFeed.ReadAsync(simulator, table))
        {
            truth++;
            id.Value = element.GetProperty("id").GetInt64();
            seen.Add((long)id.Value);
            if (lookup.ExecuteScalar() is not string raw)
            {
                missing++;
            }
            else if (!JsonNode.DeepEquals(JsonNode.Parse(element.GetRawText()), JsonNode.Parse(raw)))
            {
                differ++;
            }
        }

        return new TableComparison(table, truth, live.Count, missing, live.Count(stored => !seen.Contains(stored)), differ);
    }

    private static async Task<TableComparison> CompareIdsAsync(HostawaySimulator simulator, DbConnection db)
    {
        var live = db.Query<long>("SELECT conversation_id FROM conversations WHERE deleted_at IS NULL;").ToHashSet();
        var truth = new HashSet<long>();
        await foreach (var element in GroundTruthFeed.ReadAsync(simulator, "conversations"))
        {
            truth.Add(element.GetProperty("id").GetInt64());
        }

        return new TableComparison("conversations", truth.Count, live.Count, truth.Count(t => !live.Contains(t)), live.Count(s => !truth.Contains(s)), 0);
    }

    private static async Task<TableComparison> CompareMessagesAsync(HostawaySimulator simulator, DbConnection db)
    {
        var stored = db.Query<(long, long)>(
            """
            SELECT m.conversation_id, m.message_id FROM messages_metadata m JOIN conversations c ON c.conversation_id = m.conversation_id
            WHERE c.deleted_at IS NULL AND m.message_id > 0;
            """).ToHashSet();
        var truth = (await GroundTruthFeed.MessageKeysAsync(simulator)).ToHashSet();
        return new TableComparison("messages", truth.Count, stored.Count, truth.Count(t => !stored.Contains(t)), stored.Count(s => !truth.Contains(s)), 0);
    }
}
