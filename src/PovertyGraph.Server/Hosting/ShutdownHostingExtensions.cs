namespace PovertyGraph.Server.Hosting;

/// <summary>Graceful shutdown: requests in flight finish within <see cref="ShutdownOptions.TimeoutSeconds"/>.</summary>
public static class ShutdownHostingExtensions
{
    public static IHostApplicationBuilder AddPovertyGraphShutdown(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
        if (options.TimeoutSeconds is < 0 or > 3600)
            throw new InvalidOperationException("Shutdown:TimeoutSeconds must be between 0 and 3600.");
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds));
        return builder;
    }
}
