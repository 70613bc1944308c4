namespace HostawaySync.Engine.Errors;

/// <summary>What kind of failure an engine error is; the cmdlets map each kind to a PowerShell error category.</summary>
public enum ErrorKind
{
    /// <summary>A parameter or setting has an invalid value.</summary>
    InvalidArgument,

    /// <summary>The local store cannot be written (permissions, read-only media).</summary>
    StoreNotWritable,

    /// <summary>The local store exists but is not usable (not SQLite, corrupt, too new).</summary>
    StoreUnusable,

    /// <summary>Another process holds the store.</summary>
    StoreLocked,

    /// <summary>The API (or the PostgreSQL server) refused the credentials.</summary>
    Authentication,

    /// <summary>The API kept answering 429 after every retry.</summary>
    RateLimited,

    /// <summary>The API, the PostgreSQL server or the network is unavailable (5xx, timeouts, transport errors).</summary>
    Unavailable,

    /// <summary>The API returned data the engine cannot use.</summary>
    BadData,

    /// <summary>An output file already exists and may not be replaced.</summary>
    AlreadyExists,

    /// <summary>An output file could not be written.</summary>
    WriteFailed,

    /// <summary>A file that holds a secret is readable by other users, so HostawaySync refuses to use it.</summary>
    Insecure,

    /// <summary>A defect in HostawaySync itself (an exception nothing expected); the message asks for a report.</summary>
    Internal,
}
