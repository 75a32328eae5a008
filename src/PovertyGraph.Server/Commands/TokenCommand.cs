using System.Globalization;
using System.Text.RegularExpressions;
using PovertyGraph.GraphQL.Access;
using PovertyGraph.Server.Auth;

namespace PovertyGraph.Server.Commands;

/// <summary>
/// <c>token --role &lt;researcher|ngo|official|admin&gt; [--sub NAME] [--org KEY] [--ttl 8h|30m|3600s|1d]</c>: prints a
/// development token signed with <c>Auth:DevelopmentKey</c> on the last line of stdout. Exit 2 on bad arguments.
/// </summary>
public static partial class TokenCommand
{
    public const string Usage =
        "usage: token --role <researcher|ngo|official|admin> [--sub NAME] [--org KEY] [--ttl DURATION]\n" +
        "  --role  role claim (required)\n" +
        "  --sub   subject claim (default: dev)\n" +
        "  --org   organization key, required for and only allowed with --role ngo (e.g. ngo-jiaohe-health)\n" +
        "  --ttl   lifetime: a whole number with unit s, m, h or d, e.g. 3600s, 30m, 8h (default: 8h, at most 365d)";

    public static int Run(string[] args, IConfiguration configuration)
    {
        if (!TryParse(args.Skip(1).ToArray(), out var request, out var error))
        {
            Console.Error.WriteLine("token: " + error);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var options = AuthOptions.From(configuration);
        if (options.DevelopmentKeyBytes().Length < AuthOptions.MinimumKeyBytes)
        {
            Console.Error.WriteLine($"token: Auth:DevelopmentKey is missing or shorter than {AuthOptions.MinimumKeyBytes} bytes; set it in appsettings.json or Auth__DevelopmentKey.");
            return 1;
        }
        if (options.UsesAuthority)
            Console.Error.WriteLine($"token: warning: Auth:Authority is set ({options.Authority}); a server with this configuration does not accept development tokens.");

        var now = DateTime.UtcNow;
        var token = new DevelopmentTokens(options).Create(request.Role, request.Subject, request.Organization, request.Lifetime, now);
        Console.Error.WriteLine($"# {AuthClaims.ClaimValue(request.Role)} token for sub={request.Subject}" +
                                (request.Organization is null ? "" : $" org={request.Organization}") +
                                $", expires {(now + request.Lifetime):yyyy-MM-ddTHH:mm:ssZ}; send it as: Authorization: Bearer <token>");
        Console.Out.WriteLine(token);
        Console.Out.Flush();
        return 0;
    }

    public sealed record TokenRequest(Role Role, string Subject, string? Organization, TimeSpan Lifetime);

    /// <summary>Parses the arguments after <c>token</c>: <c>--name value</c> or <c>--name=value</c>; <c>--Section:Key=value</c> are configuration overrides.</summary>
    public static bool TryParse(string[] args, out TokenRequest request, out string error)
    {
        request = null!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unexpected argument '{arg}'";
                return false;
            }
            string name, value;
            var eq = arg.IndexOf('=');
            if (eq >= 0)
            {
                name = arg[2..eq];
                value = arg[(eq + 1)..];
                if (name.Contains(':')) continue; // configuration override, read by CommandLine
            }
            else
            {
                name = arg[2..];
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"--{name} needs a value";
                    return false;
                }
                value = args[++i];
            }
            if (name is not ("role" or "sub" or "org" or "ttl"))
            {
                error = $"unknown option --{name}";
                return false;
            }
            if (!values.TryAdd(name, value))
            {
                error = $"--{name} given more than once";
                return false;
            }
        }

        if (!values.TryGetValue("role", out var roleText))
        {
            error = "--role is required";
            return false;
        }
        if (!AuthClaims.Roles.TryGetValue(roleText, out var role))
        {
            error = $"unknown role '{roleText}' (expected one of: {AuthClaims.RoleList})";
            return false;
        }
        var subject = values.GetValueOrDefault("sub", DevelopmentTokens.DefaultSubject);
        if (string.IsNullOrWhiteSpace(subject))
        {
            error = "--sub must not be empty";
            return false;
        }
        values.TryGetValue("org", out var organization);
        if (role == Role.Ngo && string.IsNullOrWhiteSpace(organization))
        {
            error = "--role ngo needs --org <organization key>";
            return false;
        }
        if (role != Role.Ngo && organization is not null)
        {
            error = "--org is only allowed with --role ngo";
            return false;
        }
        var lifetime = DevelopmentTokens.DefaultLifetime;
        if (values.TryGetValue("ttl", out var ttlText) && !TryParseDuration(ttlText, out lifetime))
        {
            error = $"bad --ttl '{ttlText}' (expected a whole number with unit s, m, h or d, e.g. 8h, 30m, 3600s; at most 365d)";
            return false;
        }
        request = new TokenRequest(role, subject, organization, lifetime);
        error = "";
        return true;
    }

    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return false;
        var seconds = match.Groups[2].Value switch { "s" => 1L, "m" => 60L, "h" => 3600L, _ => 86400L };
        if (amount > 365L * 86400 / seconds)
            return false;
        duration = TimeSpan.FromSeconds(amount * seconds);
        return true;
    }

    [GeneratedRegex(@"^([0-9]{1,9})([smhd])$")]
    private static partial Regex DurationPattern();
}
