using System.ComponentModel.DataAnnotations;

namespace Confab.Auth;

/// <summary>The <c>Jwt</c> configuration section.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>HMAC key, at least 32 bytes; when empty a random key is generated once and kept in the data directory.</summary>
    [MinLength(32)]
    public string? SigningKey { get; set; }

    [Required]
    public string Issuer { get; set; } = "confab";

    [Required]
    public string Audience { get; set; } = "confab";

    [Range(1, 1440)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshTokenDays { get; set; } = 30;
}
