namespace HostawaySync.Simulator.Http;

/// <summary>The paging fields of one list envelope as served; a null field is left out (except limit/offset, written as null).</summary>
/// <param name="Count">The <c>count</c>, or null to leave it out.</param>
/// <param name="Limit">The echoed <c>limit</c> (null is written as null).</param>
/// <param name="Offset">The echoed <c>offset</c> (null is written as null).</param>
/// <param name="Page">The <c>page</c>, or null to leave it out.</param>
/// <param name="TotalPages">The <c>totalPages</c>, or null to leave it out.</param>
internal sealed record EnvelopeFields(int? Count, int? Limit, int? Offset, int? Page, int? TotalPages);
