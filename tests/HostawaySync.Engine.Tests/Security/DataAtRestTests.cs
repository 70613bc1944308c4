using HostawaySync.Engine.Export;
using HostawaySync.Engine.Security;
using HostawaySync.Engine.Sync;
using HostawaySync.Engine.Tests.Sync;
using HostawaySync.Simulator;

namespace HostawaySync.Engine.Tests.Security;

/// <summary>
/// On Linux and macOS everything a sync and an export create that holds account data is owner-only: folders 0700, files
/// 0600 (the database, its -wal/-shm files while open, the lock files, the conversation folders and files, the list of
/// marked files, the export); a file whose owner gave it another mode keeps it when the sync writes it again.
/// </summary>
public sealed class DataAtRestTests
{
    [Fact]
    public async Task A_full_sync_and_an_export_create_only_owner_only_folders_and_files()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows: new files inherit the user profile's ACL (README); nothing to read back here.
        }

        await using var harness = await SyncHarness.StartAsync(81, DatasetOptions.Tiny);
        using var export = new TempFolder();
        var root = Path.GetDirectoryName(Path.GetDirectoryName(harness.DatabasePath))!;
        Assert.False(Directory.Exists(Path.GetDirectoryName(harness.DatabasePath)), "the test wants the data folders created by the sync");

        var result = await harness.RunAsync(SyncMode.Full);
        harness.Simulator.Mutate(new MutationRequest { DeletedReservations = 2, Seed = 3 });
        await harness.RunAsync(SyncMode.Full);
        var output = Path.Combine(export.Path, "new", "training.jsonl");
        TrainingDataExporter.Export(new TrainingDataOptions { DatabasePath = harness.DatabasePath, ConversationsPath = harness.ConversationsPath, OutputPath = output });

        Assert.Equal(SyncStatus.Succeeded, result.Status);
        var created = Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFileSystemEntries(Path.Combine(export.Path, "new"), "*", SearchOption.AllDirectories).Append(Path.Combine(export.Path, "new")))
            .ToList();
        Assert.Contains(created, p => p.EndsWith(".db", StringComparison.Ordinal));
        Assert.Contains(created, p => p.EndsWith("_conversation.txt", StringComparison.Ordinal));
        Assert.Contains(created, p => p.EndsWith(DeletedConversationMarks.ListFileName, StringComparison.Ordinal));
        Assert.Contains(output, created);
        var shared = created.Where(p => ModeOf(p) != (Directory.Exists(p) ? OwnerOnlyFiles.FolderMode : OwnerOnlyFiles.FileMode))
            .Select(p => $"{p} {ModeOf(p)}").ToList();
        Assert.True(shared.Count == 0, "not owner-only: " + string.Join(", ", shared));

        // The configuration file, written by Set-HostawayConfiguration, is owner-only too.
        var configuration = Path.Combine(export.Path, "config", "config.json");
        HostawaySync.Engine.Configuration.ConfigurationFile.Write(configuration, new Dictionary<string, object?> { ["SyncIntervalHours"] = 12.0 });
        Assert.Equal(OwnerOnlyFiles.FileMode, ModeOf(configuration));
        Assert.Equal(OwnerOnlyFiles.FolderMode, ModeOf(Path.GetDirectoryName(configuration)!));

        // SQLite gives the -wal and -shm files of an open database the database file's mode.
        using (var open = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={harness.DatabasePath};Pooling=False"))
        {
            open.Open();
            using var write = open.CreateCommand();
            write.CommandText = "UPDATE sync_state SET updated_at = updated_at;";
            write.ExecuteNonQuery();
            Assert.Equal(OwnerOnlyFiles.FileMode, ModeOf(harness.DatabasePath + "-wal"));
            Assert.Equal(OwnerOnlyFiles.FileMode, ModeOf(harness.DatabasePath + "-shm"));
        }

        // The owner opened one conversation file to the group on purpose: rewritten by the next full sync, it stays so.
        var file = created.First(p => p.EndsWith("_conversation.txt", StringComparison.Ordinal) && !File.ReadAllText(p).Contains("# Deleted:", StringComparison.Ordinal));
        var chosen = OwnerOnlyFiles.FileMode | UnixFileMode.GroupRead;
        File.SetUnixFileMode(file, chosen);
        File.AppendAllText(file, "edited by hand\n");
        Assert.Equal(SyncStatus.Succeeded, (await harness.RunAsync(SyncMode.Reconcile)).Status);
        Assert.DoesNotContain("edited by hand", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Equal(chosen, File.GetUnixFileMode(file));
    }

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);
}
