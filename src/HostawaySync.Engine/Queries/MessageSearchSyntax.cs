namespace HostawaySync.Engine.Queries;

/// <summary>How a search query is read.</summary>
public enum MessageSearchSyntax
{
    /// <summary>
    /// Plain words, every one required, in any order; <c>"a phrase"</c> in double quotes matches those words in
    /// that order; a trailing <c>*</c> matches any word that begins so. Other punctuation only separates words.
    /// </summary>
    Simple,

    /// <summary>The SQLite FTS5 query language, passed through unchanged (AND, OR, NOT, NEAR, parentheses, ^, *).</summary>
    Fts5,
}
