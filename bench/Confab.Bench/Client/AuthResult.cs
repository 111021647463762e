namespace Confab.Bench.Client;

/// <summary>The reply of register, login and refresh (API.md, Auth).</summary>
public sealed record AuthResult(UserRef User, string AccessToken, string RefreshToken, int ExpiresIn);
