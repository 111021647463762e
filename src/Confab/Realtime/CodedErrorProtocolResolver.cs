using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Confab.Realtime;

/// <summary>Hands out every registered hub protocol wrapped in <see cref="CodedErrorProtocol"/>.</summary>
public sealed class CodedErrorProtocolResolver : IHubProtocolResolver
{
    readonly Dictionary<string, IHubProtocol> byName;

    public CodedErrorProtocolResolver(IEnumerable<IHubProtocol> protocols)
    {
        byName = new Dictionary<string, IHubProtocol>(StringComparer.OrdinalIgnoreCase);
        foreach (var protocol in protocols)
            byName[protocol.Name] = new CodedErrorProtocol(protocol);
        AllProtocols = byName.Values.ToList();
    }

    public IReadOnlyList<IHubProtocol> AllProtocols { get; }

    public IHubProtocol? GetProtocol(string protocolName, IReadOnlyList<string>? supportedProtocols) =>
        (supportedProtocols is null || supportedProtocols.Contains(protocolName, StringComparer.OrdinalIgnoreCase))
        && byName.TryGetValue(protocolName, out var protocol)
            ? protocol
            : null;
}
