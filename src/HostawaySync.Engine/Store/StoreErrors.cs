using HostawaySync.Engine.Errors;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>Builds the store's user-facing errors, so each message and recommended action is written once.</summary>
internal static class StoreErrors
{
    private const string ChooseAnotherPath = "Pass -DatabasePath (or set HOSTAWAY_DATABASE_PATH) to a file in a folder you can write to.";
    private const string ChooseAnotherPathLower = "pass -DatabasePath (or set HOSTAWAY_DATABASE_PATH) to a file in a folder you can write to.";

    public static HostawayException PathInvalid(string path, Exception? inner = null) => new(
        ErrorIds.DatabasePathInvalid, ErrorKind.InvalidArgument,
        $"The database path '{path}' is not a valid file path.", ChooseAnotherPath, path, inner);

    public static HostawayException PathIsDirectory(string path) => new(
        ErrorIds.DatabasePathIsDirectory, ErrorKind.InvalidArgument,
        $"The database path '{path}' is a directory, not a database file.",
        $"Give the path of a database file, for example '{System.IO.Path.Combine(path, "hostaway.db")}'.", path);

    public static HostawayException NotWritable(string path, string reason, Exception? inner = null) => new(
        ErrorIds.DatabaseNotWritable, ErrorKind.StoreNotWritable,
        $"The database '{path}' cannot be created or written: {reason}",
        "Check the permissions of the file and its folder, or " + ChooseAnotherPathLower, path, inner);

    public static HostawayException NotSqlite(string path, Exception? inner = null) => new(
        ErrorIds.DatabaseNotSqlite, ErrorKind.StoreUnusable,
        $"The file '{path}' exists but is not a SQLite database. It was left untouched.",
        "Move the file away, or " + ChooseAnotherPathLower, path, inner);

    public static HostawayException Foreign(string path, string detail) => new(
        ErrorIds.DatabaseForeign, ErrorKind.StoreUnusable,
        $"The file '{path}' is a SQLite database that HostawaySync did not create ({detail}). It was left untouched.",
        "Use a new file for the HostawaySync database: " + ChooseAnotherPath, path);

    public static HostawayException SchemaTooNew(string path, int found, int supported) => new(
        ErrorIds.DatabaseSchemaTooNew, ErrorKind.StoreUnusable,
        $"The database '{path}' has schema version {found}, but this version of HostawaySync understands schema versions up to {supported}. Nothing was changed.",
        "Update the HostawaySync module to the version that wrote this database, or use another database path.", path);

    public static HostawayException Corrupt(string path, Exception inner) => new(
        ErrorIds.DatabaseCorrupt, ErrorKind.StoreUnusable,
        $"The database '{path}' is damaged: {inner.Message}",
        "Restore the file from a backup, or move it away so that HostawaySync can build a new one with a full sync.", path, inner);

    public static HostawayException Locked(string path, Exception inner) => new(
        ErrorIds.DatabaseLocked, ErrorKind.StoreLocked,
        $"The database '{path}' is locked by another process.",
        "Wait for the other HostawaySync process (for example a scheduled sync) to finish, then try again.", path, inner);

    /// <summary>Translates a SQLite failure into a store error, or returns null when it is not one the user can act on.</summary>
    public static HostawayException? FromSqlite(string path, SqliteException exception) => exception.SqliteErrorCode switch
    {
        5 or 6 => Locked(path, exception),                                        // SQLITE_BUSY, SQLITE_LOCKED
        8 => NotWritable(path, ReadOnlyReason(path), exception),                    // SQLITE_READONLY
        10 => NotWritable(path, $"an I/O error occurred ({exception.Message}).", exception),
        13 => NotWritable(path, "the disk is full.", exception),
        14 => NotWritable(path, "the file cannot be opened; the folder may be read-only or missing.", exception),
        11 => Corrupt(path, exception),
        26 => NotSqlite(path, exception),
        _ => null,
    };

    // A database whose file is writable again can still refuse writes through side files made while it was read-only.
    private static string ReadOnlyReason(string path)
    {
        var sideFiles = new[] { path + "-wal", path + "-shm" }.Where(IsReadOnlyFile).Select(System.IO.Path.GetFileName).ToList();
        if (sideFiles.Count == 0)
        {
            return "the file or its folder is read-only.";
        }

        var (files, them) = sideFiles.Count == 1 ? ($"so is SQLite's side file {sideFiles[0]}", "it") : ($"so are SQLite's side files {string.Join(" and ", sideFiles)}", "them");
        return $"the file or its folder is read-only, or {files} beside it (SQLite gives its side files the permissions the database file had when it made them). "
            + $"Make {them} writable too; do not delete {them}, as {them} can hold stored data.";
    }

    private static bool IsReadOnlyFile(string file)
    {
        try
        {
            return File.Exists(file) && (OperatingSystem.IsWindows()
                ? File.GetAttributes(file).HasFlag(FileAttributes.ReadOnly)
                : !File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserWrite));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
