using System.ComponentModel.DataAnnotations;

namespace Confab.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Self sign-up; when off only admins create users.</summary>
    public bool AllowRegistration { get; set; } = true;
}

/// <summary>The <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Off only for load tests on loopback.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Login and register attempts per client address per window.</summary>
    [Range(1, 1_000_000)]
    public int AuthPermitLimit { get; set; } = 20;

    [Range(1, 3600)]
    public int AuthWindowSeconds { get; set; } = 60;
}
