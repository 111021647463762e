using System.Net.WebSockets;

using Confab.Bench.Harness;

namespace Confab.Bench.Baselines;

/// <summary>A plain ClientWebSocket client of <see cref="RawFanoutServer"/>: receives everything into the probe, sends when asked.</summary>
public sealed class RawFanoutClient : IAsyncDisposable
{
    readonly ClientWebSocket _socket = new();
    readonly SemaphoreSlim _sending = new(1, 1);
    readonly DeliveryProbe _probe;
    readonly int _index;
    Task _receiving = Task.CompletedTask;

    RawFanoutClient(DeliveryProbe probe, int index)
    {
        _probe = probe;
        _index = index;
    }

    public static async Task<RawFanoutClient> ConnectAsync(Uri baseUrl, DeliveryProbe probe, int index)
    {
        RawFanoutClient client = new(probe, index);
        Uri url = new UriBuilder(new Uri(baseUrl, "ws")) { Scheme = "ws" }.Uri;
        await client._socket.ConnectAsync(url, Loopback.InvokerFor(index), CancellationToken.None);
        client._receiving = client.ReceiveLoopAsync();
        return client;
    }

    public async Task SendAsync(byte[] payload)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    async Task ReceiveLoopAsync()
    {
        byte[] buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += received.Count;
                }
                while (!received.EndOfMessage && length < buffer.Length);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                _probe.OnReceived(buffer.AsSpan(0, length), _index);
            }
        }
        catch (WebSocketException)
        {
            // The server went away at the end of the run.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await _receiving;
        _socket.Dispose();
        _sending.Dispose();
    }
}
