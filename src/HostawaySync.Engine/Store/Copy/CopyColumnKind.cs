namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// What a column holds, as the PostgreSQL schema types it; SQLite keeps the same values as integers, reals and text.
/// Between two SQLite databases every column is <see cref="Raw"/>: SQLite's own values pass unchanged.
/// </summary>
internal enum CopyColumnKind
{
    /// <summary>SQLite to SQLite: the stored value as it is (integer, real, text or blob).</summary>
    Raw,

    /// <summary>bigint (ids); <see cref="long"/>.</summary>
    BigInt,

    /// <summary>integer (counts, positions); <see cref="int"/>.</summary>
    Integer,

    /// <summary>double precision (coordinates); <see cref="double"/>.</summary>
    Double,

    /// <summary>numeric (money, bathrooms); SQLite keeps a real; <see cref="decimal"/>.</summary>
    Numeric,

    /// <summary>text; <see cref="string"/>.</summary>
    Text,

    /// <summary>timestamptz; SQLite keeps ISO-8601 UTC text (<see cref="StoreClock"/>); a UTC <see cref="DateTime"/>.</summary>
    Timestamp,

    /// <summary>date; SQLite keeps yyyy-MM-dd text; <see cref="DateOnly"/>.</summary>
    Date,

    /// <summary>boolean; SQLite keeps 0 or 1; <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>jsonb; SQLite keeps the JSON text; the text as a <see cref="string"/>.</summary>
    Json,
}
