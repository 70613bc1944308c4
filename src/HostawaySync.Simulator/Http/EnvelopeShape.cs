namespace HostawaySync.Simulator.Http;

/// <summary>Which fields, in which order, a list endpoint's envelope has (see <see cref="Envelope"/>).</summary>
internal enum EnvelopeShape
{
    /// <summary><c>status, result, count, limit, offset</c>: listings and reservations.</summary>
    Plain,

    /// <summary><c>status, result, limit, offset, count, page, totalPages</c>: conversations and messages.</summary>
    Paged,

    /// <summary><c>status, result, count, offset</c>: reviews, as the documented sample has it.</summary>
    CountOffset,
}
