namespace Confab.Bench.Client;

/// <summary>The SignalR wire protocols the hub accepts.</summary>
public enum HubProtocol
{
    Json,
    MessagePack,
}
