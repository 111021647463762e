using Confab.Users;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Confab.Data;

/// <summary>
/// EF Core indexes every foreign key, so that deleting the row it refers to finds the rows that refer to it. Users are
/// never deleted (the API deactivates them, and their messages restrict it), so a foreign key to a user is never
/// looked up from the user's side: its index serves no read and costs a scattered page on every insert, one per post
/// for its author and one per member for <c>@channel</c>'s mentions. Such foreign keys stay, enforced by SQLite, without
/// an index of their own; indexes a configuration declares are kept.
/// </summary>
public sealed class UserReferenceIndexConvention(ProviderConventionSetBuilderDependencies dependencies)
    : ForeignKeyIndexConvention(dependencies)
{
    protected override IConventionIndex? CreateIndex(
        IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        entityTypeBuilder.Metadata.FindForeignKeys(properties).All(key => key.PrincipalEntityType.ClrType == typeof(User))
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}
