/**
 * The stored graph (cypher/MODEL.md) described to the Neo4j GraphQL Library (@neo4j/graphql 7), the
 * peer this service is measured against. Only what reads 1-4 of bench/scale.ts touch is mapped, by
 * the stored labels, properties and relationship types: the peer reads the very graph our importer
 * wrote. Days are ISO strings in the store, so they map to String (sorting them sorts the days).
 */
export const peerTypeDefs = /* GraphQL */ `
  type Company @node(labels: ["Company"]) {
    id: ID!
    name: String!
  }

  type Manufacturer @node(labels: ["Manufacturer", "Company"]) {
    id: ID!
    name: String!
    devices: [Device!]! @relationship(type: "MADE_BY", direction: IN)
  }

  type Device @node(labels: ["Device"]) {
    id: ID!
    name: String!
    announcedFirstDay: String
    manufacturer: Manufacturer @relationship(type: "MADE_BY", direction: OUT)
    opticsPartner: Company @relationship(type: "CO_ENGINEERED_WITH", direction: OUT)
  }

  type Leaker @node(labels: ["Leaker"]) {
    id: ID!
    name: String!
    claims: [Claim!]! @relationship(type: "BY", direction: IN)
  }

  union Subject = Company | Device

  type Claim @node(labels: ["Claim"]) {
    id: ID!
    statement: String!
    publishedOn: String!
    subjects: [Subject!]! @relationship(type: "ABOUT", direction: OUT)
  }
`;
