/**
 * A reference field answers with the row itself when the request already holds that entity whole
 * (src/schema/refs.ts, `related`), and with its key for the loader otherwise. These pin the rules a
 * wrong answer would come from: what counts as held, which row wins, and that a write forgets it.
 * No database: the loaders are only primed, never asked to read.
 */
import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/context.ts';
import type { Loaded } from '../../src/graph/loaders.ts';
import '../../src/schema/index.ts';
import { CompanyRef, DeviceRef, entityOf, forgetLoadedAfterWrite, primeWhole, related, relatedAll } from '../../src/schema/refs.ts';

const request = () => ({ roundTrips: { count: 0 } }) as unknown as RequestContext;
const leica = (name = 'Leica'): Loaded => ({ id: 'leica', name, key: 'leica@2021-11-16', asOf: '2021-11-16' }) as Loaded;

describe('rows a request holds', () => {
  it('answers a reference with its key until the row is held, then with the row the loader holds', async () => {
    const context = request();
    expect(related(context, CompanyRef, 'leica', '2021-11-16')).toBe('leica@2021-11-16');
    const row = leica();
    primeWhole(context, CompanyRef, row);
    expect(related(context, CompanyRef, 'leica', '2021-11-16')).toBe(row);
    expect(await CompanyRef.getDataloader(context).load('leica@2021-11-16')).toBe(row);
  });

  it('holds a row per day and per type: the same id on another day, or a device of that id, is not held', () => {
    const context = request();
    primeWhole(context, CompanyRef, leica());
    expect(related(context, CompanyRef, 'leica', '2022-01-01')).toBe('leica@2022-01-01');
    expect(related(context, DeviceRef, 'leica', '2021-11-16')).toBe('leica@2021-11-16');
    expect(related(context, CompanyRef, null, '2021-11-16')).toBeNull();
  });

  it('keeps the first row for a key, as the loader does', async () => {
    const context = request();
    const first = leica('Leica Camera');
    primeWhole(context, CompanyRef, first);
    primeWhole(context, CompanyRef, leica('Leitz'));
    expect(related(context, CompanyRef, 'leica', '2021-11-16')).toBe(first);
    expect(await CompanyRef.getDataloader(context).load('leica@2021-11-16')).toBe(first);
  });

  it('forgets every held row after a write in the request, so a later field reads the new value', () => {
    const context = request();
    primeWhole(context, CompanyRef, leica());
    forgetLoadedAfterWrite(context);
    expect(related(context, CompanyRef, 'leica', '2021-11-16')).toBe('leica@2021-11-16');
    expect(relatedAll(context, CompanyRef, ['leica'], '2021-11-16')).toEqual(['leica@2021-11-16']);
  });

  it('gives a held entity at once, and one not held through its loader', async () => {
    const context = request();
    const row = leica();
    primeWhole(context, CompanyRef, row);
    expect(entityOf(context, CompanyRef, 'leica', '2021-11-16')).toBe(row);
    const other = { id: 'zeiss', key: 'zeiss@2021-11-16', asOf: '2021-11-16' } as Loaded;
    CompanyRef.getDataloader(context).prime(other.key, other);
    const loading = entityOf(context, CompanyRef, 'zeiss', '2021-11-16');
    expect(loading).toBeInstanceOf(Promise);
    expect(await loading).toBe(other);
  });

  it('answers lists entry by entry: held rows as rows, the rest as keys', () => {
    const context = request();
    const row = leica();
    primeWhole(context, CompanyRef, row);
    expect(relatedAll(context, CompanyRef, ['leica', 'zeiss'], '2021-11-16')).toEqual([row, 'zeiss@2021-11-16']);
    expect(relatedAll(context, CompanyRef, undefined, '2021-11-16')).toEqual([]);
  });
});
