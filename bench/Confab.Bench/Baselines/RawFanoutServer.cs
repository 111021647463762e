using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Confab.Bench.Baselines;

/// <summary>
/// The delivery baseline: the least a WebSocket fan-out server can do. Every text message a
/// client sends is copied, unparsed, to every other connected client through a
/// per-connection send queue (a WebSocket allows one send at a time). No auth, no storage,
/// no serialization: what is left is Kestrel, WebSockets and the loop itself.
/// </summary>
public sealed class RawFanoutServer
{
    const int MaxMessageBytes = 64 * 1024;

    readonly ConcurrentDictionary<int, Subscriber> _subscribers = new();
    int _lastId;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync();
        int id = Interlocked.Increment(ref _lastId);
        Subscriber subscriber = new(socket);
        _subscribers[id] = subscriber;
        Task sending = subscriber.SendLoopAsync(context.RequestAborted);
        try
        {
            await ReceiveLoopAsync(socket, id, context.RequestAborted);
        }
        finally
        {
            _subscribers.TryRemove(id, out _);
            subscriber.Complete();
            await sending;
        }
    }

    async Task ReceiveLoopAsync(WebSocket socket, int id, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[MaxMessageBytes];
        while (true)
        {
            int length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += received.Count;
            }
            while (!received.EndOfMessage && length < buffer.Length);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }

            byte[] message = buffer.AsSpan(0, length).ToArray();
            foreach ((int otherId, Subscriber other) in _subscribers)
            {
                if (otherId != id)
                {
                    other.Enqueue(message);
                }
            }
        }
    }

    sealed class Subscriber(WebSocket socket)
    {
        readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

        public void Enqueue(byte[] message) => _queue.Writer.TryWrite(message);

        public void Complete() => _queue.Writer.TryComplete();

        public async Task SendLoopAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (byte[] message in _queue.Reader.ReadAllAsync(cancellationToken))
                {
                    await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The client went away; its queue is dropped with it.
            }
        }
    }
}
