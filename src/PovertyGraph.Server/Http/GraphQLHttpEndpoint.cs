namespace PovertyGraph.Server.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint and the GraphiQL IDE.
/// <list type="bullet">
/// <item><c>POST {path}</c> (JSON body) and <c>GET {path}?query=…</c> (queries only) run GraphQL requests.</item>
/// <item><c>GET {path}</c> from a browser (Accept prefers text/html) returns <c>wwwroot/graphiql/index.html</c>.</item>
/// <item><c>GET /graphiql/{file}</c> serves the IDE's assets from <c>wwwroot/graphiql/</c>.</item>
/// </list>
/// The request body limit is <see cref="DefaultMaxRequestBodyBytes"/> unless configuration sets
/// <c>GraphQL:MaxRequestBodyBytes</c>.
/// </summary>
public static class GraphQLHttpEndpoint
{
    /// <summary>Key of the <see cref="HttpContext"/> in the execution's <c>UserContext</c> dictionary.</summary>
    public const string HttpContextKey = "HttpContext";

    /// <summary>Default limit on a POST body: 1 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Where the IDE's assets are served.</summary>
    public const string GraphiQLPath = "/graphiql";

    public static IEndpointRouteBuilder MapPovertyGraphHttp(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        var services = app.ServiceProvider;
        var configuration = services.GetRequiredService<IConfiguration>();
        var maxBody = configuration.GetValue<long?>("GraphQL:MaxRequestBodyBytes") ?? DefaultMaxRequestBodyBytes;
        if (maxBody <= 0 || maxBody >= int.MaxValue)
            throw new InvalidOperationException("GraphQL:MaxRequestBodyBytes must be a positive number of bytes below 2 GiB.");

        // On by default (a public feature); off only to measure what it costs (the benchmark's A/B "receipts").
        var receipts = configuration.GetValue("GraphQL:Receipts", true);
        var graphiql = GraphiQLAssets.Create(services.GetRequiredService<IWebHostEnvironment>());
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GraphQLHttpEndpoint).FullName!);
        var handler = new GraphQLHttpHandler(graphiql, logger, maxBody,
            services.GetRequiredService<Documents.PersistedDocumentResolver>(), services.GetRequiredService<Caching.GraphQLResponseCaching>(), receipts);

        // Every method reaches the handler, so that the ones it does not serve get a 405 with an Allow header.
        app.Map(path, handler.HandleAsync).WithDisplayName("GraphQL over HTTP").RequireRateLimiting(RateLimiting.CallerRateLimits.Policy);

        // The IDE itself lives at the GraphQL path; its folder's own address leads there.
        app.MapMethods(GraphiQLPath, [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
                Results.Redirect(context.Request.PathBase.Add(path)))
            .WithDisplayName("GraphiQL");
        app.MapMethods(GraphiQLPath + "/{**file}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? file) =>
                string.IsNullOrEmpty(file) ? Results.Redirect(context.Request.PathBase.Add(path)) : graphiql.Asset(context, file))
            .WithDisplayName("GraphiQL assets");
        return app;
    }
}
