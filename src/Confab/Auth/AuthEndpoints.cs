using Confab.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Confab.Auth;

public static class AuthEndpoints
{
    public const string RateLimitPolicy = "auth";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").ProducesConfabProblems();
        auth.MapPost("/register", Register).RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/login", Login).RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", Refresh);
        auth.MapPost("/logout", Logout);
        return app;
    }

    static async Task<Created<AuthResult>> Register(RegisterRequest request, AuthService auth, CancellationToken ct)
    {
        var result = await auth.RegisterAsync(request, ct);
        return TypedResults.Created($"/api/users/{result.User.Id}", result);
    }

    static async Task<Ok<AuthResult>> Login(LoginRequest request, AuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.LoginAsync(request, ct));

    static async Task<Ok<AuthResult>> Refresh(RefreshRequest request, AuthService auth, CancellationToken ct) =>
        TypedResults.Ok(await auth.RefreshAsync(request, ct));

    static async Task<NoContent> Logout(RefreshRequest request, AuthService auth, CancellationToken ct)
    {
        await auth.LogoutAsync(request, ct);
        return TypedResults.NoContent();
    }
}
