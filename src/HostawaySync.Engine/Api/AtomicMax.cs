namespace HostawaySync.Engine.Api;

/// <summary>Raises a shared value to at least a new one, from any thread.</summary>
internal static class AtomicMax
{
    public static void Raise(ref long target, long value)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref target);
            if (current >= value)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref target, value, current) != current);
    }
}
