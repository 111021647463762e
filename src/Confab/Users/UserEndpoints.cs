using Confab.Auth;
using Confab.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Confab.Users;

public static class UserEndpoints
{
    public static WebApplicationBuilder AddConfabUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<UserStateCache>();
        builder.Services.AddScoped<UserService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization().WithTags("Users").ProducesConfabProblems();
        users.MapGet("/me", GetMe);
        users.MapPatch("/me", UpdateMe);
        users.MapPut("/me/password", ChangePassword);
        users.MapGet("/", Search);
        users.MapGet("/{id}", Get);

        var admin = users.MapGroup("/").RequireAuthorization(AuthSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/", Create);
        admin.MapPatch("/{id}", Update);
        return app;
    }

    static async Task<Ok<UserResponse>> GetMe(UserService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(me, me.Id, ct));

    static async Task<Ok<UserResponse>> UpdateMe(UpdateMeRequest request, UserService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.UpdateMeAsync(me, request, ct));

    static async Task<NoContent> ChangePassword(
        ChangePasswordRequest request, UserService service, CurrentUser me, CancellationToken ct)
    {
        await service.ChangePasswordAsync(me, request, ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<Page<UserResponse>>> Search(
        UserService service, CurrentUser me, CancellationToken ct, string? query = null, string? cursor = null, int? limit = null) =>
        TypedResults.Ok(await service.SearchAsync(me, query, cursor, limit, ct));

    static async Task<Ok<UserResponse>> Get(Guid id, UserService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(me, id, ct));

    static async Task<Created<UserResponse>> Create(CreateUserRequest request, UserService service, CancellationToken ct)
    {
        var user = await service.AdminCreateAsync(request, ct);
        return TypedResults.Created($"/api/users/{user.Id}", user);
    }

    static async Task<Ok<UserResponse>> Update(Guid id, UpdateUserRequest request, UserService service, CancellationToken ct) =>
        TypedResults.Ok(await service.AdminUpdateAsync(id, request, ct));
}
