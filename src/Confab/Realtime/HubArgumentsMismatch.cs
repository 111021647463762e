namespace Confab.Realtime;

/// <summary>
/// Stands in for the arguments of a call SignalR could not bind, so the failure reaches <see cref="HubErrorFilter"/>.
/// Clients cannot send one: it only exists on the server.
/// </summary>
public sealed record HubArgumentsMismatch(string Target);
