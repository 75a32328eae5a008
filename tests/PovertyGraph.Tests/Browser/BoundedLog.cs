namespace PovertyGraph.Tests.Browser;

/// <summary>The last lines a child process wrote, for failure messages.</summary>
public sealed class BoundedLog(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public string Tail(int count = 60)
    {
        lock (_lines)
            return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
    }
}
