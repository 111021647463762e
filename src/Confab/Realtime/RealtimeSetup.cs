using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Confab.Realtime;

public static class RealtimeSetup
{
    public static WebApplicationBuilder AddConfabRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddMessagePackProtocol();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<PresenceTracker>();
        builder.Services.AddScoped<ChatEvents>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<ChatHub>("/hubs/chat");
        return app;
    }

    sealed class SubjectUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) =>
            connection.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
    }
}
