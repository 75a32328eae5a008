namespace PovertyGraph.Server.Http;

/// <summary>GraphQL-over-HTTP endpoint (stub; replaced by the transport implementation).</summary>
public static class GraphQLHttpEndpoint
{
    public static IEndpointRouteBuilder MapPovertyGraphHttp(this IEndpointRouteBuilder app, string path = "/graphql") => app;
}
