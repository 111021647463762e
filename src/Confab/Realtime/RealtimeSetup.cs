using Confab.Common;

using MessagePack;
using MessagePack.Resolvers;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Confab.Realtime;

public static class RealtimeSetup
{
    public const string HubPath = "/hubs/chat";

    /// <summary>The contract's largest request body, also the largest hub message a client may send.</summary>
    public const long MaxReceiveMessageBytes = OperationsSetup.MaxRequestBodyBytes;

    public static WebApplicationBuilder AddConfabRealtime(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaxReceiveMessageBytes;
                // A client that has sent nothing (not even the keep-alive ping every 15 s) for this long is gone: its
                // connection is closed, which also frees whatever was queued for it.
                options.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
                options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                // Bounds what the server keeps per connection for a stateful reconnect; a client that stops
                // acknowledging holds up its own connection only, since events are never awaited per connection.
                options.StatefulReconnectBufferSize = 256 * 1024;
                options.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(options => JsonSetup.Configure(options.PayloadSerializerOptions))
            .AddMessagePackProtocol(options => options.SerializerOptions = MessagePackSerializerOptions.Standard
                .WithResolver(CompositeResolver.Create(JsonBridgeResolver.Instance, ContractlessStandardResolver.Instance))
                .WithSecurity(MessagePackSecurity.UntrustedData));
        services.Replace(ServiceDescriptor.Singleton<IHubProtocolResolver, CodedErrorProtocolResolver>());
        services.AddSingleton<HubErrorFilter>();
        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(provider => provider.GetRequiredService<PresenceTracker>());
        services.AddSingleton<LastSeenStore>();
        services.AddSingleton<TypingThrottle>();
        services.AddSingleton<HubRateLimits>();
        services.AddScoped<ChatEvents>();
        services.AddScoped<PresenceService>();
        services.AddScoped<SyncService>();
        services.AddScoped<TypingService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<ChatHub>(HubPath, options =>
        {
            options.AllowStatefulReconnects = true;
            // Per-connection pipe sizes. Outgoing: a burst of events (or a Sync reply of 100 messages) fits without
            // pausing; past it, writes to that one connection wait for its client to read, and nobody else's do,
            // because events are started without being awaited (see ChatEvents). Incoming: one message of the
            // largest allowed size.
            options.TransportMaxBufferSize = 512 * 1024;
            options.ApplicationMaxBufferSize = MaxReceiveMessageBytes;
        });
        return app;
    }

    sealed class SubjectUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) =>
            connection.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
    }
}
