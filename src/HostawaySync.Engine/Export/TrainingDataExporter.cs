using System.Diagnostics;
using System.Globalization;
using HostawaySync.Engine.Conversations;
using HostawaySync.Engine.Diagnostics;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Queries;

using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Export;

/// <summary>
/// Exports conversations as chat-format JSONL for AI training: one conversation per line, the guest as
/// <c>user</c>, the host as <c>assistant</c> (see <see cref="ChatTurnBuilder"/> and <see cref="TrainingLineWriter"/>).
/// Streams: one conversation is read, turned into a line and written before the next is read. The file is
/// written under a temporary name in the target folder and renamed into place at the end, so a failed or
/// cancelled export leaves no partial file (and an existing file is only replaced by a complete one).
/// </summary>
public static class TrainingDataExporter
{
    /// <summary>Temporary export files are hidden and named like this, in the target folder.</summary>
    internal const string TemporaryPrefix = ".hostawaysync-export-";

    /// <summary>The default file name of an export started at <paramref name="utcNow"/>: <c>hostaway-training-yyyyMMdd-HHmmss.jsonl</c>.</summary>
    public static string DefaultFileName(DateTime utcNow) =>
        "hostaway-training-" + utcNow.ToUniversalTime().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".jsonl";

    /// <summary>
    /// Runs the export. Blocking (the database and file reads are synchronous); the cmdlet runs it off the pipeline
    /// thread. Problems with single conversations are logged as warnings and counted as skipped.
    /// </summary>
    /// <exception cref="HostawayException">
    /// The output exists (<see cref="ErrorIds.ExportFileExists"/>) or is a folder (<see cref="ErrorIds.ExportPathInvalid"/>),
    /// cannot be written (<see cref="ErrorIds.ExportWriteFailed"/>), or the database cannot be read.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was written.</exception>
    public static TrainingDataResult Export(TrainingDataOptions options, ISyncLog? log = null, Action<TrainingDataProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        log ??= NullSyncLog.Instance;
        var stopwatch = Stopwatch.StartNew();
        var output = Path.GetFullPath(options.OutputPath);
        CheckOutput(output, options.Overwrite);
        var redactor = new TextRedactor(options.Redact);
        var paths = new ConversationPaths(options.ConversationsPath);

        var dialect = ReadDialect.For(options.DatabasePath);
        using var connection = dialect.Open();
        // One read transaction: every query of the export sees the same state of the database, even while a sync writes.
        using var transaction = dialect.BeginSnapshot(connection);
        var source = new TrainingDataSource(dialect, connection, transaction, paths, options, wantsInfo: options.IncludeMetadata || redactor.RedactsNames || redactor.RedactsAccessCodes);
        var total = source.Count();
        if (total > 0 && !Directory.Exists(paths.Root))
        {
            // Otherwise every conversation would be skipped with a warning of its own.
            throw new HostawayException(
                ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument, $"The conversations folder '{paths.Root}' does not exist, so no message text can be read.",
                "Pass -ConversationsPath (or set HOSTAWAY_CONVERSATIONS_PATH) to the folder Invoke-HostawaySync writes the conversation files to.", paths.Root);
        }

        var folder = Path.GetDirectoryName(output)!;
        string? temporary = null;
        try
        {
            OwnerOnlyFiles.CreateFolder(folder);
            temporary = Path.Combine(folder, TemporaryPrefix + Guid.NewGuid().ToString("N") + ".tmp");
            var counts = new Counts();
            using (var stream = new FileStream(temporary, OwnerOnlyFiles.NewFileOptions()))
            {
                using var writer = new TrainingLineWriter(stream);
                foreach (var conversation in source.Conversations())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    WriteConversation(conversation, options, redactor, writer, counts, log);
                    progress?.Invoke(new TrainingDataProgress(counts.Read, total, counts.Written));
                }

                stream.Flush(flushToDisk: true);
                counts.Bytes = writer.Bytes;
            }

            cancellationToken.ThrowIfCancellationRequested();
            OwnerOnlyFiles.KeepModeOf(output, temporary);
            File.Move(temporary, output, options.Overwrite);
            temporary = null;
            return new TrainingDataResult
            {
                Path = output, Conversations = counts.Written, Messages = counts.Messages, Turns = counts.Turns, SkippedConversations = counts.Read - counts.Written,
                RedactedEmails = redactor.Emails, RedactedPhones = redactor.Phones, RedactedNames = redactor.Names,
                RedactedAccessCodes = redactor.AccessCodes, Bytes = counts.Bytes, Duration = stopwatch.Elapsed,
            };
        }
        catch (IOException exception) when (!options.Overwrite && File.Exists(output))
        {
            // Someone else created the file while the export ran: it is theirs, and it stays.
            throw FileExists(output, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new HostawayException(
                ErrorIds.ExportWriteFailed, ErrorKind.WriteFailed, $"The training data could not be written to '{output}': {exception.Message}",
                "Check that the folder exists or can be created, that you may write there, and that the disk has room.", output, exception);
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    private static void WriteConversation(SourceConversation conversation, TrainingDataOptions options, TextRedactor redactor, TrainingLineWriter writer, Counts counts, ISyncLog log)
    {
        counts.Read++;
        if (conversation.Problem is { } problem)
        {
            log.Write(SyncLogLevel.Warning, $"Skipped {conversation.Label}: {problem}");
            return;
        }

        var turns = ChatTurnBuilder.Build(conversation.Messages);
        if (!ChatTurnBuilder.HasBothSides(turns))
        {
            if (log.IsEnabled(SyncLogLevel.Debug))
            {
                log.Write(SyncLogLevel.Debug, $"Skipped {conversation.Label}: it has no exchange between guest and host in the selected messages.");
            }

            return;
        }

        var names = redactor.RedactsNames ? NamePattern.Create(conversation.Info.Names) : null;
        var ownCodes = redactor.RedactsAccessCodes ? AccessCodes.OwnCode([conversation.Info.DoorCode]) : null;
        var redacted = options.Redact == TrainingDataRedaction.None ? turns : turns.Select(t => t with { Content = redactor.Redact(t.Content, names, ownCodes) }).ToList();
        var sent = conversation.Messages.Where(m => !string.IsNullOrWhiteSpace(m.Text) && m.SentAt is not null).Select(m => m.SentAt!.Value).ToList();
        writer.Write(options.SystemPrompt, redacted, options.IncludeMetadata ? conversation.Info : null, sent.Count > 0 ? sent.Min() : null, sent.Count > 0 ? sent.Max() : null);
        counts.Written++;
        counts.Messages += turns.Sum(t => t.Messages);
        counts.Turns += turns.Count;
    }

    /// <summary>
    /// Checks that an export may write <paramref name="output"/> (a full path) before anything is done: it is not a folder,
    /// and it does not exist unless <paramref name="overwrite"/>. Export checks again; callers use it to fail before -WhatIf.
    /// </summary>
    /// <exception cref="HostawayException"><see cref="ErrorIds.ExportPathInvalid"/> or <see cref="ErrorIds.ExportFileExists"/>.</exception>
    public static void CheckOutput(string output, bool overwrite)
    {
        if (Directory.Exists(output))
        {
            throw new HostawayException(
                ErrorIds.ExportPathInvalid, ErrorKind.InvalidArgument, $"'{output}' is a folder; the training data export needs a file name.",
                "Give a file path such as './training.jsonl', or leave -Path out to write into the default export folder.", output);
        }

        if (!overwrite && File.Exists(output))
        {
            throw FileExists(output, null);
        }
    }

    private static HostawayException FileExists(string output, Exception? inner) => new(
        ErrorIds.ExportFileExists, ErrorKind.AlreadyExists, $"The file '{output}' already exists; it was left as it is.",
        "Add -Force to replace it, or choose another -Path.", output, inner);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A hidden temporary file is left behind; it is never mistaken for an export.
        }
    }

    private sealed class Counts
    {
        public int Read { get; set; }

        public int Written { get; set; }

        public long Messages { get; set; }

        public long Turns { get; set; }

        public long Bytes { get; set; }
    }
}
