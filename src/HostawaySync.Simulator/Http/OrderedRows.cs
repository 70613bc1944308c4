namespace HostawaySync.Simulator.Http;

/// <summary>Every row of one list request in served order, and where an <c>afterId</c> cursor resumes.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Rows">All matching rows, in the order pages slice them.</param>
/// <param name="CursorStart">For a cursor request, the index of the first row strictly after the cursor row, or -1
/// when the cursor row does not exist; null for offset paging.</param>
internal sealed record OrderedRows<T>(IReadOnlyList<T> Rows, int? CursorStart = null);
