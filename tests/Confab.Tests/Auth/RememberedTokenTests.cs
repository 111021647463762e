using System.Net.Http.Headers;
using Confab.Tests.Notifications;

namespace Confab.Tests.Auth;

/// <summary>A token the server has validated is remembered; remembering it must never let through what validation refuses.</summary>
public sealed class RememberedTokenTests(CastFactory app) : IClassFixture<CastFactory>
{
    [Fact]
    public async Task A_remembered_token_is_refused_as_soon_as_validation_would_refuse_it()
    {
        var user = await app.RegisterAsync("fading");
        var skew = app.Services.GetRequiredService<TokenService>().ValidationParameters().ClockSkew;
        // Expired already, but still inside the clock skew validation allows: accepted for another four seconds.
        var expires = DateTime.UtcNow - skew + TimeSpan.FromSeconds(4);
        var token = app.SignToken(user, expires.AddMinutes(-15), expires, app.ServerKey());
        using var http = Bearer(token);

        (await http.GetAsync("api/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync("api/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // On a slow machine the two requests may already have taken that long; Task.Delay refuses a negative wait.
        var wait = expires + skew + TimeSpan.FromMilliseconds(500) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);

        await (await http.GetAsync("api/users/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_remembered_token_altered_in_any_part_is_refused()
    {
        var user = await app.RegisterAsync("altered");
        var other = await app.RegisterAsync("victim");
        (await user.Http.GetAsync("api/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var parts = user.Auth.AccessToken.Split('.');
        // The same signature over a payload naming another user, and the genuine payload with a changed signature.
        var otherPayload = app.SignToken(other, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(5), app.ServerKey()).Split('.')[1];
        var signature = parts[2];
        var forged = new[]
        {
            $"{parts[0]}.{otherPayload}.{signature}",
            $"{parts[0]}.{parts[1]}.{(signature[0] == 'A' ? 'B' : 'A')}{signature[1..]}",
        };

        foreach (var token in forged)
        {
            using var http = Bearer(token);
            await (await http.GetAsync("api/users/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        (await user.Http.GetAsync("api/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_remembered_token_of_a_deactivated_user_is_refused()
    {
        var user = await app.RegisterAsync("leaving");
        (await user.Http.GetAsync("api/users/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Cast.GlobalAdmin.DeactivateAsync(user);

        await (await user.Http.GetAsync("api/users/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    HttpClient Bearer(string token)
    {
        var http = app.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
