namespace PovertyGraph.GraphQL.Access;

/// <summary>Every caller is PUBLIC: the default until authentication is configured.</summary>
public sealed class PublicViewerAccessor : IViewerAccessor
{
    public Viewer Current => Viewer.Public;
}
