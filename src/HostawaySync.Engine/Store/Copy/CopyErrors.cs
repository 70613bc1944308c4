using System.Globalization;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>The copy's user-facing errors. Stores are named by their display form, which never holds a password.</summary>
internal static class CopyErrors
{
    public static HostawayException DestinationNotEmpty(StoreLocation destination, long rows) => new(
        ErrorIds.CopyDestinationNotEmpty, ErrorKind.AlreadyExists,
        string.Create(CultureInfo.InvariantCulture, $"The destination '{destination.Display}' already holds HostawaySync data ({rows:N0} rows). Nothing was copied."),
        "Copy into a new file or an empty schema, or pass -Force to replace the destination's HostawaySync data (only HostawaySync's tables; nothing else in that database is touched).",
        destination.Display);

    public static HostawayException SameDatabase(StoreLocation location) => new(
        ErrorIds.CopySameDatabase, ErrorKind.InvalidArgument,
        $"The source and the destination are the same database ('{location.Display}').",
        "Give -Destination another file, or another PostgreSQL database or schema (?schema=name in the URL); or give -Source the database to copy (by default it is the store in effect).", location.Display);

    public static HostawayException SourceOutdated(StoreLocation source, int version, int current) => new(
        ErrorIds.CopySourceOutdated, ErrorKind.StoreUnusable,
        string.Create(CultureInfo.InvariantCulture, $"The source '{source.Display}' has HostawaySync schema version {version}; this version of HostawaySync copies version {current}, and a copy never writes its source."),
        "Bring the source up to date first (Initialize-HostawayDatabase, or any sync into it), then copy again.", source.Display);

    public static HostawayException ValueInvalid(StoreLocation source, string table, string column, string key, Exception inner) => new(
        ErrorIds.CopyValueInvalid, ErrorKind.BadData,
        $"The source '{source.Display}' holds a value the destination cannot store unchanged: {table}.{column} of the row {key}: {inner.Message} Nothing was copied.",
        "Correct or clear that value in the source (or sync the object again so HostawaySync rewrites it), then copy again.", source.Display, inner);
}
