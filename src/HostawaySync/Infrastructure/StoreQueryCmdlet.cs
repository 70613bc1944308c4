using HostawaySync.Engine.Errors;
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
    protected void WriteRecords<TRecord>(string databasePath, IEnumerable<TRecord> records, Func<TRecord, long> key, Func<TRecord, IStoredObject> toOutput)
    {
        try
        {
            foreach (var record in records)
            {
                if (_written.Add(key(record)))
                {
                    var output = toOutput(record);
                    output.DatabasePath = databasePath;
                    WriteObject(output);
                }
            }
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }
}
