using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HostawaySync.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux: getrusage(RUSAGE_THREAD); elsewhere the process's), so a ratio of two
/// single-threaded runs can also be given per CPU-second, which other people's work on a shared machine disturbs less.
/// </summary>
public static class ThreadCpu
{
    private const int RusageThread = 1;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && GetRusage(RusageThread, out var usage) == 0)
        {
            return TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000.0) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000.0) + usage.SystemMicroseconds);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long Ixrss;
        public long Idrss;
        public long Isrss;
        public long Minflt;
        public long Majflt;
        public long Nswap;
        public long Inblock;
        public long Oublock;
        public long Msgsnd;
        public long Msgrcv;
        public long Nsignals;
        public long Nvcsw;
        public long Nivcsw;
    }
}
