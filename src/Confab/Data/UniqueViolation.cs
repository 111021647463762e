using Confab.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Confab.Data;

public static class UniqueViolation
{
    const int SqliteConstraint = 19;

    /// <summary>Saves, turning a unique-index race lost to a concurrent request into a 409 instead of a 500.</summary>
    public static async Task SaveUniqueAsync(this ChatDb db, string conflictDetail, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw ConfabError.Conflict(conflictDetail);
        }
    }

    /// <summary>True for SaveChanges' wrapped error and for the bare one that hand-written SQL throws.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException) is { SqliteErrorCode: SqliteConstraint };
}
