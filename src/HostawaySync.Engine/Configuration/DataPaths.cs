namespace HostawaySync.Engine.Configuration;

/// <summary>
/// Where HostawaySync keeps its files when the user has not said otherwise. The per-user data folder is
/// the platform's local application-data folder (Windows <c>%LOCALAPPDATA%</c>, Linux
/// <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c>, macOS <c>~/Library/Application Support</c>) plus
/// <c>HostawaySync</c>.
/// </summary>
public static class DataPaths
{
    /// <summary>Environment variable that overrides the database path (see <see cref="HostawaySettings"/>).</summary>
    public const string DatabasePathVariable = "HOSTAWAY_DATABASE_PATH";

    /// <summary>Environment variable that overrides the conversation files root (see <see cref="HostawaySettings"/>).</summary>
    public const string ConversationsPathVariable = "HOSTAWAY_CONVERSATIONS_PATH";

    /// <summary>The environment variable that names a PostgreSQL database to use in place of the SQLite file.</summary>
    public const string DatabaseUrlVariable = "HOSTAWAY_DATABASE_URL";

    /// <summary>The per-user data folder, without creating it.</summary>
    public static string DataRoot
    {
        get
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(local))
            {
                // No profile at all (some service accounts): fall back to the home folder rather than the working directory.
                local = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".local", "share");
            }

            return Path.Combine(local, "HostawaySync");
        }
    }

    /// <summary>The built-in default database path: <c>{DataRoot}/data/database/hostaway.db</c>.</summary>
    public static string DefaultDatabasePath => Path.Combine(DataRoot, "data", "database", "hostaway.db");

    /// <summary>The built-in default root of the conversation text files: <c>{DataRoot}/data/conversations</c>.</summary>
    public static string DefaultConversationsPath => Path.Combine(DataRoot, "data", "conversations");

    /// <summary>The default folder of training-data exports: <c>{DataRoot}/data/exports/training_data</c>.</summary>
    public static string DefaultTrainingDataPath => Path.Combine(DataRoot, "data", "exports", "training_data");
}
