[(n)-[r]->(m) WHERE m.knownSince <= $asOf AND any(label IN labels(m) WHERE label IN $kinds) | {
  type: type(r), targetKind: head([label IN labels(m) WHERE label IN $kinds]), targetId: m.id, targetKnownSince: m.knownSince
}]
