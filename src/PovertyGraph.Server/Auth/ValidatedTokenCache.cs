using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PovertyGraph.Server.Auth;

/// <summary>
/// Bearer tokens that passed the full JwtBearer validation, by their exact text, so a client sending the same token
/// with every request (the normal case) is not validated from scratch each time: parsing, signature check and
/// claim mapping were about half of what authenticating a request cost. An entry lasts until the token expires
/// (plus the clock skew validation allows) but at most <see cref="AuthOptions.TokenCacheSeconds"/>, so a signing
/// key withdrawn by an OIDC authority stops being honoured within that time. Only successes are kept: a rejected
/// token is validated (and rejected) every time. Bounded; when full, it starts again empty.
/// </summary>
public sealed class ValidatedTokenCache(AuthOptions options, TimeProvider time)
{
    public const int Capacity = 10_000;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _hits;

    public bool Enabled => options.TokenCacheSeconds > 0;
    public int Count => _entries.Count;
    /// <summary>Requests authenticated from the cache since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>A copy of the principal validated for exactly this token, if it is cached and not past its time.</summary>
    public ClaimsPrincipal? Find(string token)
    {
        if (!Enabled || !_entries.TryGetValue(token, out var entry)) return null;
        if (time.GetUtcNow() >= entry.Until)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            return null;
        }
        Interlocked.Increment(ref _hits);
        return Copy(entry.Principal); // each request gets its own principal to add to or change
    }

    public void Add(string token, ClaimsPrincipal principal, DateTime validTo)
    {
        if (!Enabled || validTo == DateTime.MinValue) return;
        var now = time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + options.ClockSkew;
        var until = Min(expires, now.AddSeconds(options.TokenCacheSeconds));
        if (until <= now) return;
        if (_entries.Count >= Capacity) _entries.Clear();
        _entries[token] = new Entry(Copy(principal), until);
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
