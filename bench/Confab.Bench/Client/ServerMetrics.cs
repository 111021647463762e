using System.Globalization;

namespace Confab.Bench.Client;

/// <summary>Reads the server's Prometheus /metrics, summing each metric's series over their labels.</summary>
public static class ServerMetrics
{
    static readonly string[] HeapMetricNames =
        ["dotnet_gc_last_collection_heap_size_bytes", "process_runtime_dotnet_gc_heap_size_bytes", "dotnet_gc_heap_size_bytes"];

    public static async Task<IReadOnlyDictionary<string, double>> ScrapeAsync(HttpClient http)
    {
        Dictionary<string, double> sums = new(StringComparer.Ordinal);
        using HttpResponseMessage response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return sums;
        }

        foreach (string line in (await response.Content.ReadAsStringAsync()).Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int nameEnd = line.IndexOfAny(['{', ' ']);
            int valueStart = line.LastIndexOf(' ');
            if (nameEnd > 0 && valueStart > nameEnd
                && double.TryParse(line.AsSpan(valueStart + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                string name = line[..nameEnd];
                sums[name] = sums.GetValueOrDefault(name) + value;
            }
        }

        return sums;
    }

    /// <summary>Offline announcements the server has still to make (0 when it does not export the gauge).</summary>
    public static double PendingOfflineAnnouncements(IReadOnlyDictionary<string, double> metrics) =>
        metrics.GetValueOrDefault("confab_presence_offline_announcements_pending");

    /// <summary>The managed heap size as the runtime's own metrics name it, if the server exports them.</summary>
    public static double? ManagedHeapBytes(IReadOnlyDictionary<string, double> metrics) =>
        HeapMetricNames
            .Where(metrics.ContainsKey)
            .Select(name => (double?)metrics[name])
            .FirstOrDefault();
}
