/**
 * A device's life as known on a day A: each step (announced, released, cancelled) counts only once it
 * was public on A, and its status is the latest public step. The GraphQL device fields, the
 * `list-devices` statement's status filter and the analytics export all follow this one rule.
 */
import { isDateKnownOn } from './as-of.ts';
import type { Day, FuzzyDate } from './facts.ts';
import { firstDay } from './fuzzy-date.ts';

export type DeviceStatus = 'RUMOURED' | 'ANNOUNCED' | 'RELEASED' | 'CANCELLED';
export type DeviceStep = 'announced' | 'released' | 'cancelled';

/** The stored dates of a device's steps and when each became public (null: not recorded). */
export type DeviceSteps = {
  [S in DeviceStep]?: FuzzyDate | null;
} & {
  [S in DeviceStep as `${S}KnownSince`]?: Day | null;
};

/** The step's date, only once it was public on A. */
export function deviceStepAsOf(device: DeviceSteps, step: DeviceStep, asOf: Day): FuzzyDate | null {
  const date = device[step] ?? null;
  return isDateKnownOn(date, device[`${step}KnownSince`] ?? null, asOf) ? date : null;
}

export function deviceStatusAsOf(device: DeviceSteps, asOf: Day): DeviceStatus {
  if (deviceStepAsOf(device, 'cancelled', asOf)) return 'CANCELLED';
  const released = deviceStepAsOf(device, 'released', asOf);
  if (released && firstDay(released) <= asOf) return 'RELEASED';
  if (deviceStepAsOf(device, 'announced', asOf)) return 'ANNOUNCED';
  return 'RUMOURED';
}
