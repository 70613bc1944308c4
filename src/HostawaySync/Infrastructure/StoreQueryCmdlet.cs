using HostawaySync.Engine.Errors;
using HostawaySync.Engine.Store;
using HostawaySync.Output;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Base of the Get- cmdlets that read the store: streams engine records to the pipeline as they are read,
/// writes each object once even when several pipeline inputs find it, and turns store errors into
/// terminating errors with their stable ids.
/// </summary>
public abstract class StoreQueryCmdlet : HostawayCmdlet
{
    private readonly HashSet<long> _written = [];

    /// <summary>Writes <paramref name="records"/> as they stream in, each key once per invocation, tagged with the database they came from.</summary>
    protected void WriteRecords<TRecord>(StoreLocation location, IEnumerable<TRecord> records, Func<TRecord, long> key, Func<TRecord, IStoredObject> toOutput)
    {
        try
        {
            foreach (var record in records)
            {
                if (_written.Add(key(record)))
                {
                    WriteObject(toOutput(record).StoredIn(location));
                }
            }
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }
}
