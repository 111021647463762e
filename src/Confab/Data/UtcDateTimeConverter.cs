using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Confab.Data;

/// <summary>Every stored time is UTC; SQLite reads them back without a kind, which would drop the <c>Z</c>.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
