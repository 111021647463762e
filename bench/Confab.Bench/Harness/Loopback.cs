using System.Net;
using System.Net.Sockets;

namespace Confab.Bench.Harness;

/// <summary>
/// Loopback helpers. One source address has about 28,000 ephemeral ports, so clients are
/// spread over 127.0.0.2, 127.0.0.3, ... by binding each socket's local end.
/// </summary>
public static class Loopback
{
    const int ConnectionsPerAddress = 10_000;

    static readonly HttpMessageInvoker[] Invokers =
        [.. Enumerable.Range(0, 32).Select(i => new HttpMessageInvoker(BoundHandler(IPAddress.Parse($"127.0.0.{i + 2}"))))];

    /// <summary>An invoker for WebSocket upgrades whose sockets leave from the address for client number <paramref name="client"/>.</summary>
    public static HttpMessageInvoker InvokerFor(int client) => Invokers[client / ConnectionsPerAddress % Invokers.Length];

    public static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static SocketsHttpHandler BoundHandler(IPAddress local) => new()
    {
        UseProxy = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            Socket socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
