// The claims of leaker `id` published by $asOf whose outcome, as known on $asOf, is decided, as rows `k`.
MATCH (k:Claim) WHERE k.leakerId = id AND k.publishedOn <= $asOf
  AND coalesce(last([i IN range(0, size(k.outcomeDays) - 1) WHERE k.outcomeDays[i] <= $asOf | k.outcomeValues[i]]), 'UNRESOLVED') <> 'UNRESOLVED'
