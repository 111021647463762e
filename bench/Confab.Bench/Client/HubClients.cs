using System.Net.WebSockets;

using Confab.Bench.Harness;

using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Confab.Bench.Client;

/// <summary>
/// Builds hub connections the way a real .NET client does (official SignalR client,
/// WebSockets, bearer token), with each socket bound to a spread-out loopback source
/// address so tens of thousands of them fit. Negotiation is skipped, as a WebSocket-only
/// client configures it, so a connection is one TCP socket.
/// </summary>
public static class HubClients
{
    public static HubConnection Create(Uri baseUrl, BenchUser user, HubProtocol protocol, int clientIndex)
    {
        IHubConnectionBuilder builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/chat"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    ClientWebSocket socket = new();
                    socket.Options.SetRequestHeader("Authorization", $"Bearer {user.AccessToken}");
                    try
                    {
                        await socket.ConnectAsync(context.Uri, Loopback.InvokerFor(clientIndex), cancellationToken);
                        return socket;
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
            });
        if (protocol == HubProtocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }

        return builder.Build();
    }
}
