using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Confab.Common;
using Confab.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Confab.Auth;

/// <summary>Issues access tokens (JWT) and refresh tokens (opaque, stored as hashes).</summary>
public sealed class TokenService(SigningKey signingKey, IOptions<JwtOptions> options, TimeProvider clock)
{
    readonly JsonWebTokenHandler handler = new();
    JwtOptions Jwt => options.Value;

    public int AccessTokenSeconds => Jwt.AccessTokenMinutes * 60;

    public string CreateAccessToken(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Jwt.Issuer,
            Audience = Jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(Jwt.AccessTokenMinutes),
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.UniqueName, user.Username),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public (RefreshToken Entity, string Token) CreateRefreshToken(Guid userId, Guid familyId)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = clock.Now();
        return (new RefreshToken
        {
            Id = Ids.New(),
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(Jwt.RefreshTokenDays),
        }, token);
    }

    public static string Hash(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Jwt.Issuer,
        ValidAudience = Jwt.Audience,
        IssuerSigningKey = signingKey.Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = JwtRegisteredClaimNames.UniqueName,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
}
