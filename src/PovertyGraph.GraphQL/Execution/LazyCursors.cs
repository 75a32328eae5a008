namespace PovertyGraph.GraphQL.Execution;

/// <summary>Cursors computed (and signed) only when a response asks for them.</summary>
public sealed class LazyCursors(int count, Func<int, string> make) : IReadOnlyList<string>
{
    private readonly string?[] _cursors = new string?[count];
    public string this[int index] => _cursors[index] ??= make(index);
    public int Count => count;
    public IEnumerator<string> GetEnumerator() { for (var i = 0; i < count; i++) yield return this[i]; }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
