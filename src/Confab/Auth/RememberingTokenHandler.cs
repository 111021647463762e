using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Confab.Auth;

/// <summary>
/// Validates access tokens as <see cref="JsonWebTokenHandler"/> does, and remembers each valid one for exactly as long as
/// that validation would still accept it (its expiry plus the clock skew), so a token presented again is not parsed and
/// its signature not checked again: that was about 7% of the server's CPU per history request. Only valid tokens
/// are remembered, so a forged, altered or expired one costs what it did. Whether the user is still active is checked on
/// every request after this (<see cref="AuthSetup"/>), and the validation parameters are fixed at startup, so nothing a
/// remembered result skips can have changed.
/// The identity it hands on holds only the claims Confab reads: a hub connection keeps it for as long as it stays open,
/// and each of the token's own claims refers back to the whole identity it came in.
/// </summary>
public sealed class RememberingTokenHandler : JsonWebTokenHandler, IDisposable
{
    static readonly string[] KeptClaims = [JwtRegisteredClaimNames.Sub, JwtRegisteredClaimNames.UniqueName];

    // Tokens are issued only by logins and refreshes; the limit bounds what they could hold however many there are.
    readonly MemoryCache remembered = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (remembered.TryGetValue(token, out Remembered? known))
            return new TokenValidationResult { IsValid = true, SecurityToken = known!.Token, ClaimsIdentity = known.Identity() };

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (!result.IsValid)
            return result;
        var kept = new Remembered(result.SecurityToken,
            KeptClaims.Select(result.ClaimsIdentity.FindFirst).OfType<Claim>().Select(c => (c.Type, c.Value)).ToArray(),
            result.ClaimsIdentity.AuthenticationType);
        // The authentication handler reads both times of the token, which requests will share from now on; the token
        // works them out on first read, so that read happens here, before any other request can see it.
        _ = result.SecurityToken.ValidFrom;
        var until = DateTime.SpecifyKind(result.SecurityToken.ValidTo, DateTimeKind.Utc) + validationParameters.ClockSkew;
        remembered.Set(token, kept, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = new DateTimeOffset(until) });
        result.ClaimsIdentity = kept.Identity();
        return result;
    }

    public void Dispose() => remembered.Dispose();

    sealed record Remembered(SecurityToken Token, (string Type, string Value)[] Claims, string? AuthenticationType)
    {
        public ClaimsIdentity Identity() => new(Claims.Select(c => new Claim(c.Type, c.Value)), AuthenticationType);
    }
}
