import { describe, expect, it } from 'vitest';
import { becameCycles, ownershipCycles, type OwnershipEdge } from '../../src/import/cycles.ts';
import { jsonErrorOffset } from '../../src/import/read-bundle-file.ts';
import { firstInvalidByte } from '../../src/import/bundle-file.ts';

const owns = (owner: string, company: string, from = '2000-01-01', until: string | null = null): OwnershipEdge => ({ id: `${owner}-${company}`, owner, company, from, until });

describe('ownership cycles', () => {
  it('finds a company owning itself through one or two others, on the first day all hold', () => {
    expect(ownershipCycles([owns('huawei', 'honor', '2013-01-01', '2020-11-17'), owns('honor', 'huawei', '2015-01-01')])).toEqual([
      { edges: [expect.objectContaining({ id: 'huawei-honor' }), expect.objectContaining({ id: 'honor-huawei' })], from: '2015-01-01' },
    ]);
    const three = ownershipCycles([owns('a', 'b'), owns('b', 'c'), owns('c', 'a'), owns('x', 'a')]);
    expect(three.map((cycle) => cycle.edges.map((edge) => edge.id))).toEqual([['a-b', 'b-c', 'c-a']]);
  });

  it('does not count owners that swap places in periods that do not overlap', () => {
    expect(ownershipCycles([owns('a', 'b', '2000-01-01', '2005-12-31'), owns('b', 'a', '2006-01-01')])).toEqual([]);
    expect(ownershipCycles([owns('a', 'b', '2000-01-01', '2005-12-31'), owns('b', 'c', '2003-01-01', '2004-12-31'), owns('c', 'a', '2005-01-01')])).toEqual([]);
  });

  it('walks a chain of 20,000 owners without running out of stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => owns(`c${i}`, `c${i + 1}`));
    expect(ownershipCycles(chain)).toEqual([]);
    expect(ownershipCycles([...chain, owns('c20000', 'c0')])[0]!.edges).toHaveLength(20_001);
  });
});

describe('became cycles', () => {
  it('finds devices that became each other, whatever else points at them', () => {
    const cycles = becameCycles([
      { device: 'a', became: 'b' },
      { device: 'b', became: 'a' },
      { device: 'c', became: 'a' },
    ]);
    expect(cycles.map((cycle) => cycle.edges.map((edge) => edge.device))).toEqual([['a', 'b']]);
    expect(
      becameCycles([
        { device: 'a', became: 'b' },
        { device: 'b', became: 'c' },
      ]),
    ).toEqual([]);
  });
});

describe('where a bundle file goes wrong', () => {
  it('finds the end of an unterminated array nested 100,000 deep without recursion', () => {
    const text = `{"claims": ${'['.repeat(100_000)}`;
    expect(jsonErrorOffset(text)).toBe(text.length);
  });

  it('finds the first byte that is not UTF-8, past well-formed characters of every length', () => {
    const good = Buffer.from('aé€😀', 'utf8');
    expect(firstInvalidByte(good)).toBe(good.length);
    expect(firstInvalidByte(Buffer.concat([good, Buffer.from([0xff])]))).toBe(good.length);
    expect(firstInvalidByte(Buffer.from([0x61, 0xc3]))).toBe(1);
    expect(firstInvalidByte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidByte(Buffer.from([0xc0, 0x80]))).toBe(0);
  });
});
