namespace PovertyGraph.GraphQL.Access;

/// <summary>Supplies the caller of the current request (the host reads it from the bearer token).</summary>
public interface IViewerAccessor
{
    Viewer Current { get; }
}
