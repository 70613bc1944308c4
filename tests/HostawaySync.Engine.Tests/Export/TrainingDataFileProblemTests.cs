using Dapper;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Export;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Export;

/// <summary>Conversation files that are missing, changed behind the database's back, or left by earlier tools.</summary>
public sealed class TrainingDataFileProblemTests
{
    [Fact]
    public async Task A_missing_or_changed_file_skips_its_conversation_with_a_warning_and_the_rest_is_exported()
    {
        await using var harness = await SyncHarness.StartAsync(44, DatasetOptions.Small);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var expected = ExpectedTrainingData.From(harness.Simulator.GetGroundTruth());
        var (missing, changed) = (expected[0].Id, expected[1].Id);
        var files = new ConversationFolder(harness.ConversationsPath);
        using (var db = harness.Open())
        {
            var missingPath = db.ExecuteScalar<string>("SELECT file_path FROM conversations WHERE conversation_id = @Id;", new { Id = missing })!;
            File.Delete(files.Paths.FullPath(missingPath));
            var changedPath = db.ExecuteScalar<string>("SELECT file_path FROM conversations WHERE conversation_id = @Id;", new { Id = changed })!;
            var parsed = (await files.ReadAsync(changedPath))!;
            await files.WriteAsync(changedPath, parsed.Header, parsed.Messages.Skip(1).Select(m => m.Message).ToList());
        }

        var log = new ListLog();
        var output = Path.Combine(harness.ConversationsPath, "..", "out.jsonl");
        var result = TrainingDataExporter.Export(
            new TrainingDataOptions { DatabasePath = harness.DatabasePath, ConversationsPath = harness.ConversationsPath, OutputPath = output, IncludeMetadata = true }, log);

        var ids = ExpectedTrainingData.ReadLines(output).Select(l => (long)l["metadata"]!["conversationId"]!).ToList();
        Assert.Equal(expected.Select(c => c.Id).Except([missing, changed]), ids);
        Assert.Equal(2, log.Warnings.Count());
        Assert.Contains(log.Warnings, w => w.Contains($"conversation {missing}:", StringComparison.Ordinal) && w.Contains("is missing", StringComparison.Ordinal));
        Assert.Contains(log.Warnings, w => w.Contains($"conversation {changed}:", StringComparison.Ordinal) && w.Contains("no longer matches", StringComparison.Ordinal));
        Assert.Equal(expected.Count - 2, result.Conversations);
    }

    [Fact]
    public async Task A_chat_log_of_an_earlier_tool_is_a_conversation_of_its_own_and_its_people_are_names()
    {
        await using var harness = await SyncHarness.StartAsync(45, DatasetOptions.Tiny);
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Full)).Status);
        var folder = Path.Combine(harness.ConversationsPath, "Old Cabin (999999)");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Jane Roe_2025-01-01_conversation.txt"), """
            [2025-01-01 10:00] Jane Roe: Hello, is parking free?
            [2025-01-01 10:01] Jane Roe: We are two cars.
            [2025-01-01 10:05] Host: Yes Jane, spaces 12 and 13.
            [2025-01-01 10:06] Old Cabin: Call +44 20 7946 0958 if needed.

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Incremental)).Status);
        var output = Path.Combine(harness.ConversationsPath, "..", "out.jsonl");

        var result = TrainingDataExporter.Export(new TrainingDataOptions
        {
            DatabasePath = harness.DatabasePath, ConversationsPath = harness.ConversationsPath, OutputPath = output, IncludeMetadata = true, Redact = TrainingDataRedaction.All,
        });

        var line = Assert.Single(ExpectedTrainingData.ReadLines(output), l => l["metadata"]!["conversationId"] is null);
        Assert.Equal(
            [("user", "Hello, is parking free?\n\nWe are two cars."), ("assistant", "Yes [NAME], spaces 12 and 13.\n\nCall [PHONE] if needed.")],
            ExpectedTrainingData.Turns(line));
        Assert.Equal(999999, (long)line["metadata"]!["listingId"]!);
        Assert.True(result.RedactedNames >= 1);
    }
}
