using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Confab.Tests.Infrastructure;

/// <summary>Access tokens made outside the server, to test what it accepts: other lifetimes, other keys.</summary>
public static class SignedTokens
{
    public static SymmetricSecurityKey ServerKey(this ConfabFactory app) => app.Services.GetRequiredService<SigningKey>().Key;

    public static string SignToken(this ConfabFactory app, TestUser user, DateTime notBefore, DateTime expires, SecurityKey key)
    {
        var jwt = app.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
                [JwtRegisteredClaimNames.UniqueName] = user.User.Username,
            },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
