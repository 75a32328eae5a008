namespace PovertyGraph.Server.Hosting;

/// <summary>Binds an options section once, at startup, and refuses to start when it describes something impossible.</summary>
internal static class ConfigurationSections
{
    public static T Bind<T>(IConfiguration configuration, string section, Func<T, IReadOnlyList<string>> problems) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var found = problems(options);
        if (found.Count > 0) throw new InvalidOperationException($"Configuration section '{section}': {string.Join(" ", found)}");
        return options;
    }
}
