using System.Security.Claims;
using BitFaster.Caching.Lru;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// Bearer tokens that passed the full JwtBearer validation, by their exact text, so a client sending the same token
/// with every request (the normal case) is not validated from scratch each time: parsing, signature check and
/// claim mapping were about half of what authenticating a request cost. An entry lasts until the token expires
/// (plus the clock skew validation allows) but at most <see cref="AuthOptions.TokenCacheSeconds"/>, so a signing
/// key withdrawn by an OIDC authority stops being honoured within that time. Only successes are kept: a rejected
/// token is validated (and rejected) every time. Bounded: the least recently used tokens go first (BitFaster.Caching);
/// each entry's own end time is checked against <see cref="TimeProvider"/> when it is found.
/// </summary>
public sealed class ValidatedTokenCache(AuthOptions options, TimeProvider time)
{
    public const int Capacity = 10_000;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);

    private readonly ConcurrentLru<string, Entry> _entries = new(Environment.ProcessorCount, Capacity, StringComparer.Ordinal);

    public bool Enabled => options.TokenCacheSeconds > 0;

    /// <summary>Tokens held now.</summary>
    public int Count => _entries.Count;

    /// <summary>Raised when a request is authenticated from the cache (a seam for metrics and tests).</summary>
    public event Action? Hit;

    /// <summary>A copy of the principal validated for exactly this token, if it is cached and not past its time.</summary>
    public ClaimsPrincipal? Find(string token)
    {
        if (!Enabled || !_entries.TryGet(token, out var entry)) return null;
        if (time.GetUtcNow() >= entry.Until)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            return null;
        }
        Hit?.Invoke();
        return Copy(entry.Principal); // each request gets its own principal to add to or change
    }

    public void Add(string token, ClaimsPrincipal principal, DateTime validTo)
    {
        if (!Enabled || validTo == DateTime.MinValue) return;
        var now = time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + options.ClockSkew;
        var until = Min(expires, now.AddSeconds(options.TokenCacheSeconds));
        if (until <= now) return;
        _entries.AddOrUpdate(token, new Entry(Copy(principal), until));
    }

    /// <summary>A deep copy: ClaimsPrincipal.Clone shares its identities, and with them their claims.</summary>
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(identity => identity.Clone()));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The JwtBearer events that read and fill the cache.</summary>
    public JwtBearerEvents Events() => new()
    {
        OnMessageReceived = context =>
        {
            // The token as JwtBearer itself reads it: "Bearer <token>", trimmed.
            string? header = context.Request.Headers.Authorization;
            if (header != null && header.StartsWith(BearerTokenGate.BearerPrefix, StringComparison.OrdinalIgnoreCase)
                && Find(header[BearerTokenGate.BearerPrefix.Length..].Trim()) is { } principal)
            {
                context.Principal = principal;
                context.Success();
            }
            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (context.SecurityToken is JsonWebToken token && context.Principal != null)
                Add(token.EncodedToken, context.Principal, token.ValidTo);
            return Task.CompletedTask;
        },
    };
}
