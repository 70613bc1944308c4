namespace HostawaySync.Engine.Errors;

/// <summary>
/// Stable error identifiers. They surface as the first part of a PowerShell FullyQualifiedErrorId and
/// scripts match on them, so an id is never renamed or re-purposed once shipped.
/// </summary>
public static class ErrorIds
{
    /// <summary>The database path is empty or malformed.</summary>
    public const string DatabasePathInvalid = "HostawayDatabasePathInvalid";

    /// <summary>The database path names an existing directory.</summary>
    public const string DatabasePathIsDirectory = "HostawayDatabasePathIsDirectory";

    /// <summary>
    /// The database file or its folder cannot be written; for PostgreSQL, the user lacks a privilege HostawaySync
    /// needs (creating its schema in the database, or creating and writing tables in that schema).
    /// </summary>
    public const string DatabaseNotWritable = "HostawayDatabaseNotWritable";

    /// <summary>The file at the database path is not a SQLite database.</summary>
    public const string DatabaseNotSqlite = "HostawayDatabaseNotSqlite";

    /// <summary>The SQLite database is damaged.</summary>
    public const string DatabaseCorrupt = "HostawayDatabaseCorrupt";

    /// <summary>The database (or PostgreSQL schema) was written by a newer HostawaySync whose schema this version does not know.</summary>
    public const string DatabaseSchemaTooNew = "HostawayDatabaseSchemaTooNew";

    /// <summary>The database (or PostgreSQL schema) is not a HostawaySync database (foreign tables, no schema history).</summary>
    public const string DatabaseForeign = "HostawayDatabaseForeign";

    /// <summary>Another process holds a lock on the database longer than the busy timeout (for PostgreSQL, the lock timeout).</summary>
    public const string DatabaseLocked = "HostawayDatabaseLocked";

    /// <summary>The API refused the account id and secret, or kept refusing a freshly minted token.</summary>
    public const string AuthFailed = "HostawayAuthFailed";

    /// <summary>No credentials were given (parameter or environment).</summary>
    public const string CredentialsMissing = "HostawayCredentialsMissing";

    /// <summary>The API kept answering 429 after every allowed wait.</summary>
    public const string RateLimited = "HostawayRateLimited";

    /// <summary>The API or the network stayed unavailable after every retry (5xx, timeouts, resets, truncated bodies).</summary>
    public const string ApiUnavailable = "HostawayApiUnavailable";

    /// <summary>The API rejected a request as invalid (4xx other than auth and rate limits, or status "fail").</summary>
    public const string ApiRequestRejected = "HostawayApiRequestRejected";

    /// <summary>The API answered with data that cannot be read.</summary>
    public const string ApiBadData = "HostawayApiBadData";

    /// <summary>A setting (base URL, rate budget, concurrency...) has an invalid value.</summary>
    public const string ConfigurationInvalid = "HostawayConfigurationInvalid";

    /// <summary>A conversation file path would leave the conversations root.</summary>
    public const string ConversationPathOutsideRoot = "HostawayConversationPathOutsideRoot";

    /// <summary>A conversation file could not be written.</summary>
    public const string ConversationFileWriteFailed = "HostawayConversationFileWriteFailed";

    /// <summary>Another sync holds the database's writer lock longer than the configured wait.</summary>
    public const string SyncInProgress = "HostawaySyncInProgress";

    /// <summary>A query found no HostawaySync database at the path.</summary>
    public const string DatabaseNotFound = "HostawayDatabaseNotFound";

    /// <summary>The per-user configuration file cannot be written.</summary>
    public const string ConfigurationNotWritable = "HostawayConfigurationNotWritable";

    /// <summary>Nothing has been synced yet and SyncFullOnStart is off: a full sync must be asked for explicitly.</summary>
    public const string FullSyncRequired = "HostawayFullSyncRequired";

    /// <summary>A setting name that does not exist.</summary>
    public const string SettingNotFound = "HostawaySettingNotFound";

    /// <summary>The training-data export file already exists and -Force was not given.</summary>
    public const string ExportFileExists = "HostawayExportFileExists";

    /// <summary>The training-data export path cannot be used (a folder, or not a file system path).</summary>
    public const string ExportPathInvalid = "HostawayExportPathInvalid";

    /// <summary>The training-data export file could not be written (permissions, disk full...).</summary>
    public const string ExportWriteFailed = "HostawayExportWriteFailed";

    /// <summary>A message search query is empty, has no word, or is not valid FTS5 syntax (with -Syntax Fts5).</summary>
    public const string SearchQueryInvalid = "HostawaySearchQueryInvalid";

    /// <summary>A command that filters by reviews (Export-HostawayTrainingData -MinRating) ran on a database no review has been synced into.</summary>
    public const string ReviewsNotSynced = "HostawayReviewsNotSynced";

    /// <summary>
    /// A pass over a list could not show that it saw every row the API says exists (it saw fewer than the API's count,
    /// or the API stopped serving rows before the end); what it saw is stored and the next run tries again.
    /// </summary>
    public const string SyncIncomplete = "HostawaySyncIncomplete";

    /// <summary>A row of a list page could not be read at all (no usable id); the other rows were stored.</summary>
    public const string ApiRowUnreadable = "HostawayApiRowUnreadable";

    /// <summary>
    /// The PostgreSQL server cannot be reached: nothing answers at the host and port (refused, timed out, unknown host),
    /// or the server is not accepting connections (starting up, shutting down, out of connection slots).
    /// </summary>
    public const string DatabaseUnreachable = "HostawayDatabaseUnreachable";

    /// <summary>The PostgreSQL server refused the user name and password (or requires a password none was given for).</summary>
    public const string DatabaseAuthFailed = "HostawayDatabaseAuthFailed";

    /// <summary>
    /// The PostgreSQL server has no database of the name the connection gives. HostawaySync creates its schema and
    /// tables in an existing database and never creates a database itself.
    /// </summary>
    public const string DatabaseMissing = "HostawayDatabaseMissing";

    /// <summary>A resource's sync failed with an exception nothing expected (a defect in HostawaySync); the run stops there.</summary>
    public const string SyncUnexpectedError = "HostawaySyncUnexpectedError";

    /// <summary>
    /// Recorded in the sync log for a run (and its resources) that a killed or crashed process left running; the next run
    /// marks them and resumes from the last stored page.
    /// </summary>
    public const string SyncInterrupted = "HostawaySyncInterrupted";

    /// <summary>
    /// Copy-HostawayDatabase found HostawaySync data in the destination and was not given -Force; nothing was copied.
    /// </summary>
    public const string CopyDestinationNotEmpty = "HostawayCopyDestinationNotEmpty";

    /// <summary>Copy-HostawayDatabase was given the same database as source and destination.</summary>
    public const string CopySameDatabase = "HostawayCopySameDatabase";

    /// <summary>
    /// The database Copy-HostawayDatabase reads has an older HostawaySync schema; the copy never writes its source, so it
    /// must be upgraded first (Initialize-HostawayDatabase, or a sync).
    /// </summary>
    public const string CopySourceOutdated = "HostawayCopySourceOutdated";

    /// <summary>
    /// A value in the database Copy-HostawayDatabase reads cannot be stored in the destination's type without changing it
    /// (a time or date that is not one, a flag other than 0 or 1...); nothing was copied.
    /// </summary>
    public const string CopyValueInvalid = "HostawayCopyValueInvalid";

    /// <summary>
    /// The stored credential file or the kept access token file (or the folder that holds them) can be read by users other
    /// than its owner on Linux or macOS; HostawaySync refuses to use it until its mode is owner-only again.
    /// </summary>
    public const string SecretFileShared = "HostawaySecretFileShared";

    /// <summary>A SecretManagement vault was named (-Vault, or a stored credential kept in one) but the module Microsoft.PowerShell.SecretManagement is not installed.</summary>
    public const string SecretManagementMissing = "HostawaySecretManagementMissing";

    /// <summary>The stored credential could not be read: the credential file is damaged, or the vault that keeps the secret refused it.</summary>
    public const string StoredCredentialUnreadable = "HostawayStoredCredentialUnreadable";

    /// <summary>A query was given a minimum rating above its maximum rating (Get-HostawayReview, Search-HostawayReview -MinRating/-MaxRating).</summary>
    public const string RatingRangeInvalid = "HostawayRatingRangeInvalid";
}
