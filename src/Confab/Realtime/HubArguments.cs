using Confab.Common;

namespace Confab.Realtime;

/// <summary>
/// Reads the hub's string ids. Hub methods take ids as strings so that a malformed one is the contract's
/// <c>bad_request</c>, as an unparseable id in a REST path is, rather than a binding failure.
/// </summary>
public static class HubArguments
{
    public static Guid Id(string? value, string name) =>
        Guid.TryParse(value, out var id) ? id : throw ConfabError.BadRequest($"{name} is not a valid id.");

    public static Guid? OptionalId(string? value, string name) => value is null ? null : Id(value, name);
}
