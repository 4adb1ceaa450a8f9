/**
 * Builders for hand-made facts: each takes only what a test cares about and fills the rest with
 * values that change nothing (known from the start, worldwide, no sources).
 */
import type { ClaimFact, CompanyFact, DeviceFact, ExclusivityFact, LaunchFact, LeakerFact, PartnershipFact, ResolutionFact } from '../../src/domain/facts.ts';

export const LONG_AGO = '2000-01-01';

export function company(id: string, fields: Partial<CompanyFact> = {}): CompanyFact {
  return {
    id,
    name: id.charAt(0).toUpperCase() + id.slice(1),
    isManufacturer: true,
    isOpticsPartner: false,
    founded: null,
    dissolved: null,
    dissolvedKnownSince: null,
    knownSince: LONG_AGO,
    sources: [],
    ...fields,
  };
}

export function opticsPartner(id: string, fields: Partial<CompanyFact> = {}): CompanyFact {
  return company(id, { isManufacturer: false, isOpticsPartner: true, ...fields });
}

export function partnership(manufacturerId: string, opticsPartnerId: string, fields: Partial<PartnershipFact> = {}): PartnershipFact {
  return {
    id: `${manufacturerId}-${opticsPartnerId}`,
    manufacturerId,
    opticsPartnerId,
    start: '2010',
    end: null,
    knownSince: LONG_AGO,
    endKnownSince: null,
    sources: [],
    ...fields,
  };
}

export function launch(deviceId: string, announced: string | null, announcedKnownSince: string | null = null): LaunchFact {
  return { deviceId, deviceName: deviceId, announced, announcedKnownSince };
}

export function clause(manufacturerId: string, opticsPartnerId: string, fields: Partial<ExclusivityFact> = {}): ExclusivityFact {
  return {
    id: `${manufacturerId}-${opticsPartnerId}-exclusivity`,
    partnershipId: `${manufacturerId}-${opticsPartnerId}`,
    manufacturerId,
    opticsPartnerId,
    binds: 'OPTICS_PARTNER',
    start: '2010',
    end: null,
    endKnownSince: null,
    endsWithLaunchOf: null,
    endsWithPartnership: null,
    endCondition: null,
    regions: null,
    exceptRegions: [],
    certainty: 'REPORTED',
    knownSince: LONG_AGO,
    sources: [],
    ...fields,
  };
}

export function resolution(outcome: ResolutionFact['outcome'], knownSince: string, decidedOn = knownSince): ResolutionFact {
  return { outcome, decidedOn, knownSince, note: null };
}

export function claim(id: string, fields: Partial<ClaimFact> = {}): ClaimFact {
  return {
    id,
    leakerId: null,
    statement: `statement of ${id}`,
    kind: 'WILL_PARTNER',
    subjectIds: [],
    publishedOn: '2020-01-01',
    resolutions: [],
    sources: [],
    ...fields,
  };
}

export function leaker(id: string, fields: Partial<LeakerFact> = {}): LeakerFact {
  return { id, name: id, knownSince: LONG_AGO, ...fields };
}

export function device(id: string, fields: Partial<DeviceFact> = {}): DeviceFact {
  return {
    id,
    name: id,
    manufacturerId: 'huawei',
    builtById: null,
    opticsPartnerId: null,
    partnershipId: null,
    announced: null,
    announcedKnownSince: null,
    released: null,
    releasedKnownSince: null,
    cancelled: null,
    cancelledKnownSince: null,
    becameDeviceId: null,
    knownSince: LONG_AGO,
    sources: [],
    ...fields,
  };
}
