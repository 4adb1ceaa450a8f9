/**
 * Rows as the statements in cypher/statements return them, turned into the domain's fact types.
 * Keeping one conversion here means the GraphQL views and the derived answers read the same facts.
 */
import type { Binds, Certainty, ClaimFact, ClaimKind, CompanyFact, DeviceFact, ExclusivityFact, LaunchFact, Outcome, PartnershipFact } from '../domain/facts.ts';
import type { Row } from './executor.ts';

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function companyFact(row: Row): CompanyFact {
  const roles = list(row.roles);
  return {
    id: String(row.id),
    name: String(row.name),
    isManufacturer: roles.includes('Manufacturer'),
    isOpticsPartner: roles.includes('OpticsPartner'),
    founded: text(row.founded),
    dissolved: text(row.dissolved),
    dissolvedKnownSince: text(row.dissolvedKnownSince),
    knownSince: String(row.knownSince),
    sources: list(row.sourceIds),
  };
}

export function partnershipFact(row: Row): PartnershipFact {
  return {
    id: String(row.id),
    manufacturerId: String(row.manufacturerId),
    opticsPartnerId: String(row.opticsPartnerId),
    start: String(row.start),
    end: text(row.end),
    knownSince: String(row.knownSince),
    endKnownSince: text(row.endKnownSince),
    sources: list(row.sourceIds),
  };
}

function launchFact(launch: unknown): LaunchFact | null {
  if (!launch || typeof launch !== 'object') return null;
  const row = launch as Row;
  return {
    deviceId: String(row.deviceId),
    deviceName: String(row.deviceName),
    announced: text(row.announced),
    announcedKnownSince: text(row.announcedKnownSince),
  };
}

export function exclusivityFact(row: Row): ExclusivityFact {
  return {
    id: String(row.id),
    partnershipId: String(row.partnershipId),
    manufacturerId: String(row.manufacturerId),
    opticsPartnerId: String(row.opticsPartnerId),
    binds: row.binds as Binds,
    start: String(row.start),
    end: text(row.end),
    endKnownSince: text(row.endKnownSince),
    endsWithLaunchOf: launchFact(row.launch),
    // The statements return the partnership's end with every clause (cypher/statements/exclusivities-by-ids.cypher).
    endsWithPartnership:
      row.endsWithPartnership === true ? { partnershipId: String(row.partnershipId), end: text(row.partnershipEnd), endKnownSince: text(row.partnershipEndKnownSince) } : null,
    endCondition: text(row.endCondition),
    regions: row.regions === null || row.regions === undefined ? null : list(row.regions),
    exceptRegions: list(row.exceptRegions),
    certainty: row.certainty as Certainty,
    knownSince: String(row.knownSince),
    sources: list(row.sourceIds),
  };
}

export function claimFact(row: Row): ClaimFact {
  const resolutions = (Array.isArray(row.resolutions) ? (row.resolutions as Row[]) : [])
    .slice()
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((r) => ({ outcome: r.outcome as Outcome, decidedOn: String(r.decidedOn), knownSince: String(r.knownSince), note: text(r.note) }));
  return {
    id: String(row.id),
    leakerId: text(row.leakerId),
    statement: String(row.statement),
    kind: row.kind as ClaimKind,
    subjectIds: (Array.isArray(row.subjects) ? (row.subjects as Row[]) : []).map((s) => String(s.id)),
    publishedOn: String(row.publishedOn),
    resolutions,
    sources: list(row.sourceIds),
  };
}

export function deviceFact(row: Row): DeviceFact {
  return {
    id: String(row.id),
    name: String(row.name),
    manufacturerId: String(row.manufacturerId),
    builtById: text(row.builtById),
    opticsPartnerId: text(row.opticsPartnerId),
    partnershipId: text(row.partnershipId),
    announced: text(row.announced),
    announcedKnownSince: text(row.announcedKnownSince),
    released: text(row.released),
    releasedKnownSince: text(row.releasedKnownSince),
    cancelled: text(row.cancelled),
    cancelledKnownSince: text(row.cancelledKnownSince),
    becameDeviceId: text(row.becameId),
    knownSince: String(row.knownSince),
    sources: list(row.sourceIds),
  };
}
