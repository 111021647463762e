using System.Text.Json;

using Confab.Data;

namespace Confab.Tests.Data;

public sealed class SqlValuesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(51)]
    public void Ids_become_a_JSON_array_of_their_stored_text(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();

        var json = SqlValues.JsonArray(ids, id => id);

        json.ShouldBe(JsonSerializer.Serialize(ids.Select(SqlValues.Text)));
    }
}
