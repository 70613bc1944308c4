using System.Globalization;
using HostawaySync.Engine.Errors;

using HostawaySync.Engine.Security;

namespace HostawaySync.Engine.Store;

/// <summary>
/// One writer per database across processes: an exclusive lock on <c>{database}.sync-lock</c>. The
/// operating system drops the lock when the holder exits in any way (kill -9 included), so a crashed
/// sync never blocks the next one. Readers do not take it: WAL lets them read while a sync writes.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private WriterLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>
    /// Takes the lock, waiting up to <paramref name="wait"/> for another sync to finish; then fails with
    /// <see cref="ErrorIds.SyncInProgress"/>.
    /// </summary>
    public static async Task<WriterLock> AcquireAsync(string databasePath, TimeSpan wait, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var path = databasePath + ".sync-lock";
        var started = time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(path, LockFileOptions());
                WriteOwner(path + ".owner");
                return new WriterLock(stream, path);
            }
            catch (IOException) when (time.GetElapsedTime(started) < wait)
            {
                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new HostawayException(
                    ErrorIds.SyncInProgress, ErrorKind.StoreLocked,
                    string.Create(CultureInfo.InvariantCulture, $"Another sync is already writing to '{databasePath}' ({ReadOwner(path + ".owner")}); waited {wait.TotalSeconds:0.#} s."),
                    "Let the other sync finish (a scheduled job, say), then run this one again. Reading the database is not affected.",
                    databasePath, exception);
            }
            catch (UnauthorizedAccessException exception)
            {
                throw StoreErrors.NotWritable(databasePath, $"its lock file '{path}' cannot be created ({exception.Message}).", exception);
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();

    // Created owner-only on Linux and macOS, like the database beside it.
    private static FileStreamOptions LockFileOptions()
    {
        var options = OwnerOnlyFiles.NewFileOptions(FileMode.OpenOrCreate);
        options.Access = FileAccess.ReadWrite;
        options.BufferSize = 1;
        return options;
    }

    // The lock file itself cannot be read while locked (.NET takes a shared lock to read), so the owner goes beside it.
    private static void WriteOwner(string ownerPath)
    {
        try
        {
            OwnerOnlyFiles.WriteAllBytes(ownerPath, System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} on {Environment.MachineName} since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC")));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Only used to make the "in progress" message more helpful.
        }
    }

    private static string ReadOwner(string ownerPath)
    {
        try
        {
            var text = File.ReadAllText(ownerPath).Trim();
            return text.Length > 0 ? "held by " + text : "held by another process";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "held by another process";
        }
    }
}
