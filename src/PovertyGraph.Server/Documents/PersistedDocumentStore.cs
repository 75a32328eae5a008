using System.Security.Cryptography;
using System.Text;
using BitFaster.Caching.Lru;
using GraphQLParser.Exceptions;

namespace PovertyGraph.Server.Documents;

/// <summary>
/// Documents by the SHA-256 of their text: the trusted ones, read once from <see cref="PersistedDocumentOptions.Folder"/>
/// (a file that does not parse stops the server), and those registered by clients through Apollo's automatic persisted
/// queries, bounded and forgotten least recently used first. A file's text has its byte-order mark removed and its line
/// ends made <c>\n</c>, so a checkout with other line ends keeps the same IDs.
/// </summary>
public sealed class PersistedDocumentStore
{
    private readonly Dictionary<string, (string Text, string File)> _trusted;
    private readonly ConcurrentLru<string, string> _registered;

    public PersistedDocumentStore(PersistedDocumentOptions options, string? folder)
    {
        _trusted = folder != null && Directory.Exists(folder) ? Load(folder) : new(StringComparer.Ordinal);
        _registered = new ConcurrentLru<string, string>(Environment.ProcessorCount, Math.Max(3, options.AutomaticCapacity), StringComparer.Ordinal);
    }

    /// <summary>The trusted documents: ID (<c>sha256:…</c>) and file name.</summary>
    public IEnumerable<(string Id, string File)> Trusted => _trusted.Select(p => (PersistedDocumentResolver.IdPrefix + p.Key, p.Value.File)).OrderBy(p => p.File, StringComparer.Ordinal);

    public bool TryGetTrusted(string hash, out string text)
    {
        var found = _trusted.TryGetValue(hash, out var document);
        text = document.Text;
        return found;
    }

    public bool TryGetRegistered(string hash, out string text) => _registered.TryGet(hash, out text!);

    public bool IsTrusted(string text) => _trusted.ContainsKey(Hash(text));

    public void Register(string hash, string text) => _registered.AddOrUpdate(hash, text);

    /// <summary>Lower-case hexadecimal SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n");

    private static Dictionary<string, (string, string)> Load(string folder)
    {
        var documents = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*.graphql").Order(StringComparer.Ordinal))
        {
            var text = Normalize(File.ReadAllText(path, Encoding.UTF8));
            try
            {
                GraphQLParser.Parser.Parse(text);
            }
            catch (GraphQLParserException e)
            {
                throw new InvalidOperationException($"Persisted document {path} does not parse: {e.Message}", e);
            }
            documents.TryAdd(Hash(text), (text, Path.GetFileName(path)));
        }
        return documents;
    }
}
