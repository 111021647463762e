using System.Diagnostics;

namespace Confab.Bench.Client;

/// <summary>A registered user and its current tokens.</summary>
public sealed class BenchUser(AuthResult auth)
{
    public string Id { get; } = auth.User.Id;

    public string Username { get; } = auth.User.Username;

    public string AccessToken { get; private set; } = auth.AccessToken;

    public string RefreshToken { get; private set; } = auth.RefreshToken;

    public long IssuedAt { get; private set; } = Stopwatch.GetTimestamp();

    public TimeSpan Lifetime { get; private set; } = TimeSpan.FromSeconds(auth.ExpiresIn);

    public void Renew(AuthResult auth)
    {
        AccessToken = auth.AccessToken;
        RefreshToken = auth.RefreshToken;
        IssuedAt = Stopwatch.GetTimestamp();
        Lifetime = TimeSpan.FromSeconds(auth.ExpiresIn);
    }
}
