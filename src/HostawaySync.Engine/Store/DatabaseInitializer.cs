using System.Buffers.Binary;
using System.Globalization;
using Dapper;
using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Security;
using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// Creates HostawaySync databases and brings existing ones to the current schema. It refuses, without
/// writing a byte, anything it should not touch: a directory, a file that is not SQLite, another
/// application's database, or a database written by a newer HostawaySync.
/// </summary>
public static class DatabaseInitializer
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();

    /// <summary>The schema version this engine creates and understands.</summary>
    public static int CurrentSchemaVersion => MigrationCatalog.LatestVersion;

    /// <summary>
    /// Looks at a database path without writing anything (not even SQLite's side files) and says what
    /// <see cref="Initialize(string, string?)"/> would do. Throws <see cref="HostawayException"/> for paths it would refuse.
    /// </summary>
    public static DatabaseInspection Inspect(string path)
    {
        var fullPath = NormalizePath(path);
        if (Directory.Exists(fullPath))
        {
            throw StoreErrors.PathIsDirectory(fullPath);
        }

        if (!File.Exists(fullPath))
        {
            return new DatabaseInspection(fullPath, false, 0, CurrentSchemaVersion, DatabaseAction.Created);
        }

        var header = ReadHeader(fullPath);
        if (header.Length == 0)
        {
            // SQLite treats an empty file as an empty database.
            return new DatabaseInspection(fullPath, true, 0, CurrentSchemaVersion, DatabaseAction.Created);
        }

        if (header.Length < 100 || !header.AsSpan(0, SqliteMagic.Length).SequenceEqual(SqliteMagic))
        {
            throw StoreErrors.NotSqlite(fullPath);
        }

        var userVersion = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(60, 4));
        var applicationId = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(68, 4));
        if (applicationId != 0 && applicationId != StoreConnection.ApplicationId)
        {
            throw StoreErrors.Foreign(fullPath, $"its application id is 0x{applicationId.ToString("X8", CultureInfo.InvariantCulture)}");
        }

        if (userVersion > CurrentSchemaVersion)
        {
            throw StoreErrors.SchemaTooNew(fullPath, userVersion, CurrentSchemaVersion);
        }

        var action = userVersion == CurrentSchemaVersion ? DatabaseAction.Unchanged : DatabaseAction.Upgraded;
        return new DatabaseInspection(fullPath, true, userVersion, CurrentSchemaVersion, action);
    }

    /// <summary>
    /// Creates the database (and its folders) or migrates it to <see cref="CurrentSchemaVersion"/>.
    /// Idempotent. All migrations run in one transaction, so a failure leaves the database as it was.
    /// </summary>
    /// <param name="path">Full path of the database file.</param>
    /// <param name="moduleVersion">Version of the module doing the work, recorded with each migration.</param>
    public static DatabaseInfo Initialize(string path, string? moduleVersion = null) => Initialize(path, moduleVersion, CurrentSchemaVersion);

    /// <summary>Initializes up to <paramref name="targetVersion"/> only: what an older module would have built (tests of upgrades).</summary>
    internal static DatabaseInfo Initialize(string path, string? moduleVersion, int targetVersion)
    {
        var inspection = Inspect(path);
        var fullPath = inspection.Path;
        CreateFolder(fullPath);

        var createdFile = !inspection.Exists;
        try
        {
            if (createdFile)
            {
                // An empty file is an empty SQLite database; created here it is owner-only on Linux and macOS, and SQLite gives
                // its -wal and -shm files the database file's permissions.
                CreateOwnerOnlyFile(fullPath);
            }

            return InitializeExisting(fullPath, moduleVersion, targetVersion);
        }
        catch (SqliteException exception)
        {
            if (createdFile)
            {
                DeleteCreatedFiles(fullPath);
            }

            throw StoreErrors.FromSqlite(fullPath, exception) ?? throw new InvalidOperationException($"SQLite failed on '{fullPath}': {exception.Message}", exception);
        }
        catch
        {
            if (createdFile)
            {
                DeleteCreatedFiles(fullPath);
            }

            throw;
        }
    }

    private static DatabaseInfo InitializeExisting(string fullPath, string? moduleVersion, int targetVersion)
    {
        // Not pooled: closing the last connection checkpoints the WAL and removes the side files.
        using var connection = StoreConnection.OpenForWriting(fullPath, SqliteOpenMode.ReadWriteCreate, pooling: false);
        var previousVersion = Migrate(connection, fullPath, moduleVersion, targetVersion);
        var journalMode = connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL;") ?? "unknown";
        // Virtual tables count; their shadow tables (message_search_data, ...) and SQLite's own do not.
        var tables = connection.Query<string>(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name;").AsList();
        var sqliteVersion = connection.ExecuteScalar<string>("SELECT sqlite_version();") ?? "unknown";
        var action = previousVersion == targetVersion ? DatabaseAction.Unchanged
            : previousVersion == 0 ? DatabaseAction.Created
            : DatabaseAction.Upgraded;
        connection.Close();

        return new DatabaseInfo(fullPath, Math.Max(previousVersion, targetVersion), previousVersion, action, tables, journalMode, sqliteVersion, new FileInfo(fullPath).Length);
    }

    /// <summary>Applies the missing migrations; returns the version the database had before.</summary>
    private static int Migrate(SqliteConnection connection, string fullPath, string? moduleVersion, int targetVersion)
    {
        // One read transaction, so the version and the table count come from the same snapshot: another process may
        // commit its migration between two separate statements, and tables without a version would look foreign.
        int version;
        using (var read = connection.BeginTransaction(deferred: true))
        {
            version = ReadVersion(connection, fullPath, read);
            read.Commit();
        }

        if (version >= targetVersion)
        {
            return version;
        }

        // IMMEDIATE takes the write lock now, so two processes initializing at once cannot both migrate.
        using var transaction = connection.BeginTransaction(deferred: false);
        version = ReadVersion(connection, fullPath, transaction);
        var before = version;
        foreach (var migration in MigrationCatalog.All.Where(m => m.Version > before && m.Version <= targetVersion))
        {
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, applied_at, module_version) VALUES (@Version, @Name, @AppliedAt, @ModuleVersion);",
                new { migration.Version, migration.Name, AppliedAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ModuleVersion = moduleVersion },
                transaction);
            connection.Execute(FormattableString.Invariant($"PRAGMA user_version = {migration.Version};"), transaction: transaction);
        }

        connection.Execute(FormattableString.Invariant($"PRAGMA application_id = {StoreConnection.ApplicationId};"), transaction: transaction);
        transaction.Commit();
        return before;
    }

    private static int ReadVersion(SqliteConnection connection, string fullPath, SqliteTransaction transaction)
    {
        var version = connection.ExecuteScalar<int>("PRAGMA user_version;", transaction: transaction);
        var applicationId = connection.ExecuteScalar<int>("PRAGMA application_id;", transaction: transaction);
        if (applicationId != 0 && applicationId != StoreConnection.ApplicationId)
        {
            throw StoreErrors.Foreign(fullPath, $"its application id is 0x{applicationId.ToString("X8", CultureInfo.InvariantCulture)}");
        }

        if (version > CurrentSchemaVersion)
        {
            throw StoreErrors.SchemaTooNew(fullPath, version, CurrentSchemaVersion);
        }

        if (version == 0)
        {
            var tableCount = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table';", transaction: transaction);
            if (tableCount > 0)
            {
                throw StoreErrors.Foreign(fullPath, $"it already holds {tableCount} table(s) and no HostawaySync schema version");
            }
        }

        return version;
    }

    private static string NormalizePath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw StoreErrors.PathInvalid(path ?? string.Empty);
        }

        try
        {
            var fullPath = Path.GetFullPath(path);
            if (fullPath.EndsWith(Path.DirectorySeparatorChar) || fullPath.EndsWith(Path.AltDirectorySeparatorChar))
            {
                throw Directory.Exists(fullPath) ? StoreErrors.PathIsDirectory(fullPath) : StoreErrors.PathInvalid(path);
            }

            return fullPath;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw StoreErrors.PathInvalid(path, exception);
        }
    }

    private static byte[] ReadHeader(string fullPath)
    {
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[Math.Min(100, stream.Length)];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw StoreErrors.NotWritable(fullPath, $"it cannot be read ({exception.Message}).", exception);
        }
    }

    private static void CreateFolder(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        try
        {
            OwnerOnlyFiles.CreateFolder(folder);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw StoreErrors.NotWritable(fullPath, $"its folder '{folder}' cannot be created ({exception.Message}).", exception);
        }
    }

    private static void CreateOwnerOnlyFile(string fullPath)
    {
        try
        {
            using var created = new FileStream(fullPath, OwnerOnlyFiles.NewFileOptions());
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process created it meanwhile: it is theirs, as it is.
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            throw StoreErrors.NotWritable(fullPath, $"it cannot be created ({exception.Message}).", exception);
        }
    }

    private static void DeleteCreatedFiles(string fullPath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { fullPath, fullPath + "-wal", fullPath + "-shm", fullPath + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                // Best effort: the file was ours and empty; failing to remove it must not hide the real error.
            }
        }
    }
}
