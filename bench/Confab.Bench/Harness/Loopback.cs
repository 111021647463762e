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

    // Linux's IP_BIND_ADDRESS_NO_PORT: the port is picked at connect, unique by the whole address pair. Without it,
    // bind searches for a port no other socket on the address holds, TIME_WAIT ones included; after a drop of 10,000
    // clients that search, not the server, held the load generator to half the connect rate.
    const int IpBindAddressNoPort = 24;

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
            Socket socket = new(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (OperatingSystem.IsLinux())
                {
                    socket.SetRawSocketOption((int)SocketOptionLevel.IP, IpBindAddressNoPort, BitConverter.GetBytes(1));
                }

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
