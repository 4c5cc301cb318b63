-- Hyper-V and FailoverClustering events that mention one VM (by name or id), in time order.
-- params: vm
SELECT time, node, channel, provider, event_id, level, message, data
FROM events
-- The provider in either spelling Windows writes (Name, or the legacy source name without
-- Microsoft-Windows-); LIKE ignores letter case.
WHERE (provider LIKE 'Microsoft-Windows-Hyper-V-%' OR provider LIKE 'Hyper-V-%'
       OR provider LIKE 'Microsoft-Windows-FailoverClustering' OR provider LIKE 'FailoverClustering')
  AND (data LIKE '%' || :vm || '%' OR message LIKE '%' || :vm || '%')
ORDER BY time, node;
