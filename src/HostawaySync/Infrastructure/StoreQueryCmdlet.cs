using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>
/// Base of the Get- cmdlets that read the store: streams engine records to the pipeline as they are read,
/// writes each object once even when several pipeline inputs find it, and turns store errors into
/// terminating errors with their stable ids.
/// </summary>
public abstract class StoreQueryCmdlet : HostawayCmdlet
{
    private readonly HashSet<long> _written = [];

    /// <summary>Writes <paramref name="records"/> as they stream in, each key once per invocation.</summary>
    protected void WriteRecords<TRecord>(IEnumerable<TRecord> records, Func<TRecord, long> key, Func<TRecord, object> toOutput)
    {
        try
        {
            foreach (var record in records)
            {
                if (_written.Add(key(record)))
                {
                    WriteObject(toOutput(record));
                }
            }
        }
        catch (HostawayException exception)
        {
            ThrowTerminating(exception);
        }
    }
}
