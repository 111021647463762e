namespace Confab.Common;

/// <summary>The authenticated caller of a request or hub call, with their role as the database has it now.</summary>
public sealed record CurrentUser(Guid Id, Role Role)
{
    public bool IsAdmin => Role == Role.Admin;
}
