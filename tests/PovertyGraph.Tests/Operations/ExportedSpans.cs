using System.Collections;
using System.Diagnostics;

namespace PovertyGraph.Tests.Operations;

/// <summary>What the in-memory trace exporter exported, safe to read while the server is still exporting.</summary>
public sealed class ExportedSpans : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    /// <summary>A copy of the spans of one trace.</summary>
    public List<Activity> Of(ActivityTraceId traceId)
    {
        lock (_spans) return _spans.Where(a => a.TraceId == traceId).ToList();
    }

    public void Add(Activity item)
    {
        lock (_spans) _spans.Add(item);
    }

    public int Count
    {
        get { lock (_spans) return _spans.Count; }
    }

    public bool IsReadOnly => false;

    public void Clear()
    {
        lock (_spans) _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_spans) return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_spans) _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_spans) return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_spans) return _spans.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
