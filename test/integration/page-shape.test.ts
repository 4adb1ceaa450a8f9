/**
 * Pages narrowed to what the query shows (src/schema/page-shape.ts) must answer exactly what full
 * rows answer, also when one document shows the same devices with other fields elsewhere: narrowed
 * rows never stand in for full ones.
 */
import { afterAll, expect, it } from 'vitest';
import { createHarness } from '../support/harness.ts';

const harness = createHarness();
afterAll(() => harness.close());

async function ask(query: string): Promise<any> {
  const result = await harness.graphql<any>(query);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const FULL_DEVICE =
  'slug name status announced { text } released { text } knownSince manufacturer { name } opticsPartner { name } partnership { slug } became { slug } sources { slug }';

it('shows the same devices whether a document asks for their names, for everything, or both', async () => {
  const alone = await ask(`{ opticsPartner(id: "leica") { coEngineeredDevices(first: 50) { edges { node { ${FULL_DEVICE} } } } } }`);
  const names = await ask(`{ opticsPartner(id: "leica") { coEngineeredDevices(first: 50) { edges { node { name } } } } }`);
  const both = await ask(`{
    opticsPartner(id: "leica") {
      names: coEngineeredDevices(first: 50) { edges { node { name } } }
      full: coEngineeredDevices(first: 50) { edges { node { ${FULL_DEVICE} } } }
    }
    device(id: "huawei-p50") { ${FULL_DEVICE} }
  }`);
  // A device a page shows by name, reached again by key one level down: the key loads a full row.
  const became = await ask(`{
    opticsPartner(id: "leica") {
      names: coEngineeredDevices(first: 50) { edges { node { name } } }
      rumours: coEngineeredDevices(first: 50) { edges { node { slug became { ${FULL_DEVICE} } } } }
    }
  }`);
  const fullDevices = alone.opticsPartner.coEngineeredDevices.edges.map((e: any) => e.node);
  expect(fullDevices.length).toBeGreaterThanOrEqual(5);
  expect(fullDevices.some((d: any) => d.sources.length > 0)).toBe(true);
  expect(both.opticsPartner.full.edges.map((e: any) => e.node)).toEqual(fullDevices);
  expect(both.opticsPartner.names).toEqual(names.opticsPartner.coEngineeredDevices);
  expect(both.device).toEqual(fullDevices.find((d: any) => d.slug === 'huawei-p50'));
  const shipped = became.opticsPartner.rumours.edges.map((e: any) => e.node.became).filter(Boolean);
  expect(shipped.length).toBeGreaterThan(0);
  for (const device of shipped) expect(device).toEqual(fullDevices.find((d: any) => d.slug === device.slug));
});

it('shows a narrowed page of devices with their makers as a page of full rows does, as of a day', async () => {
  const page = (fields: string) => `{ devices(opticsPartner: "leica", asOf: "2021-11-16", first: 50) { totalCount edges { node { ${fields} } } } }`;
  const narrowed = await ask(page('name manufacturer { name country }'));
  const full = await ask(page(`${FULL_DEVICE} manufacturer { name country }`));
  expect(narrowed.devices.totalCount).toBe(full.devices.totalCount);
  expect(narrowed.devices.edges.map((e: any) => e.node)).toEqual(full.devices.edges.map((e: any) => ({ name: e.node.name, manufacturer: e.node.manufacturer })));
});
