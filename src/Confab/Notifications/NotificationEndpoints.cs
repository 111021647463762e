using Confab.Auth;
using Confab.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Confab.Notifications;

public static class NotificationEndpoints
{
    public static WebApplicationBuilder AddConfabNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<NotificationPruner>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("Notifications")
            .ProducesConfabProblems();
        notifications.MapGet("/", List);
        notifications.MapGet("/unread-count", UnreadCount);
        notifications.MapPost("/{id}/read", MarkRead);
        notifications.MapPost("/read-all", MarkAllRead);
        notifications.MapPost("/", Announce).RequireAuthorization(AuthSetup.AdminPolicy)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    static async Task<Ok<Page<NotificationResponse>>> List(
        NotificationService service, CurrentUser me, CancellationToken ct,
        bool unreadOnly = false, string? cursor = null, int? limit = null) =>
        TypedResults.Ok(await service.ListAsync(me, unreadOnly, cursor, limit, ct));

    static async Task<Ok<UnreadCountResponse>> UnreadCount(NotificationService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Ok(await service.UnreadCountAsync(me, ct));

    static async Task<NoContent> MarkRead(Guid id, NotificationService service, CurrentUser me, CancellationToken ct)
    {
        await service.MarkReadAsync(me, id, ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> MarkAllRead(NotificationService service, CurrentUser me, CancellationToken ct)
    {
        await service.MarkAllReadAsync(me, ct);
        return TypedResults.NoContent();
    }

    static async Task<Created<AnnounceResponse>> Announce(
        AnnounceRequest request, NotificationService service, CurrentUser me, CancellationToken ct) =>
        TypedResults.Created("/api/notifications", await service.AnnounceAsync(me, request, ct));
}
