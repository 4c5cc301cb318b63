-- Hyper-V and FailoverClustering events that mention one VM (by name or id), in time order.
-- params: vm
SELECT time, node, channel, provider, event_id, level, message, data
FROM events
WHERE (provider LIKE 'Microsoft-Windows-Hyper-V%' OR provider = 'Microsoft-Windows-FailoverClustering')
  AND (data LIKE '%' || :vm || '%' OR message LIKE '%' || :vm || '%')
ORDER BY time, node;
