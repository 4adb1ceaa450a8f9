/**
 * `node bench/generate.ts --claims 1000000 --out /tmp/world-1m.json [--seed 1] [--until 2026-10-31]`
 *
 * Writes a synthetic world in the import bundle format (schema/bundle-format.md), streamed to the
 * file so a million claims never sit in memory as one string. The same seed and `--until` give the
 * same bytes, so a benchmark run can be repeated on the same graph (and the file reused).
 *
 * Shape (constants below; claims scale with --claims, everything else is fixed):
 * - 2,000 manufacturers `maker-0001` "Maker 0001" and 50 optics partners `optics-01` "Optics 01".
 *   Zero-padded names: lower-case order equals case-sensitive order, so sorted lists from different
 *   contenders compare equal whatever collation each uses.
 * - 5,000 partnerships `<maker>-<optics>` (distinct pairs; optics partners drawn with the claim skew
 *   below), started 2015-2025, about 40% ended (some ends reported weeks later).
 * - 20,000 devices `device-00001`, each made by a manufacturer (uniform), all announced on a known
 *   day; 85% co-engineered with an optics partner (mostly one their maker partners with, and then
 *   made under that partnership); 5% built by another maker; 70% released, 2% cancelled.
 * - 500 exclusivity clauses on distinct partnerships: binds OPTICS_PARTNER / MANUFACTURER / BOTH,
 *   about 35% ending with a device launch, 40% on a date, 25% open-ended; 20% regional, 15% with
 *   excepted regions; CONFIRMED / REPORTED / INFERRED.
 * - 1,000 leakers `leaker-0001`, activity Zipf-skewed (leaker-0001 the busiest); 5% of claims come
 *   from an outlet (no leaker).
 * - 10,000 sources `source-00001`, published in date order over the period; every claim cites the
 *   source of its day range.
 * - N claims `claim-0000001`: subjects are one optics partner, 1 (70%) or 2 manufacturers, and for
 *   20% a device of the first manufacturer. Optics partners are skewed linearly: optics-01 is named
 *   by about 4% of claims, optics-50 (weight 0.1) by under 0.01%. Kinds: 50% WILL_PARTNER, 25%
 *   WILL_NOT_PARTNER, 5% each of the other five. 60% get one resolution, 8% two (REFUTED, later
 *   CONFIRMED: a vindication), the rest none; decidedOn after publishedOn, knownSince on or after
 *   decidedOn.
 * - Days run from 2015-01-01 to `--until` (default 2026-10-31; never after today).
 *
 * Next to the bundle it writes `<out>.meta.json`: the counts, and the ids a benchmark asks about
 * (busiest and quietest optics partner and busiest leaker, counted, not assumed; a sample device).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';

export const SHAPE = {
  manufacturers: 2_000,
  opticsPartners: 50,
  devices: 20_000,
  partnerships: 5_000,
  exclusivities: 500,
  leakers: 1_000,
  sources: 10_000,
} as const;

export interface WorldMeta {
  seed: number;
  until: string;
  counts: Record<string, number>;
  busiestOpticsPartner: { id: string; claims: number };
  quietestOpticsPartner: { id: string; claims: number };
  busiestLeaker: { id: string; claims: number };
  sampleDevice: string;
}

const KINDS_RARE = ['PARTNERSHIP_ENDED', 'EXCLUSIVITY', 'DEVICE_FEATURE', 'DEVICE_LAUNCH', 'OTHER'] as const;
const REGIONS = ['CN', 'IN', 'JP', 'DE', 'US', 'GB', 'FR', 'KR', 'BR', 'ID'];
const PLATFORMS = ['Weibo', 'X', 'YouTube', 'Telegram', 'Website'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1) / DAY_MS;

/** mulberry32: small, fast and the same on every platform, which Math.random is not. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws index i with probability weights[i] / sum, by binary search over the running sums. */
function weighted(weights: number[], random: () => number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Buffers JSON lines and writes them in large chunks: one syscall per megabyte, not per entity. */
class BundleWriter {
  private buffer: string[] = [];
  private size = 0;
  private first = true;
  private firstItem = true;
  private readonly fd: number;
  constructor(fd: number) {
    this.fd = fd;
  }
  raw(text: string) {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  list(name: string) {
    this.raw(`${this.first ? '' : '\n],'}\n"${name}":[\n`);
    this.first = false;
    this.firstItem = true;
  }
  item(value: unknown) {
    this.raw((this.firstItem ? '' : ',\n') + JSON.stringify(value));
    this.firstItem = false;
  }
  flush() {
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }
}

export function generateWorld(options: { claims: number; out: string; seed?: number; until?: string }): WorldMeta {
  const seed = options.seed ?? 1;
  const until = options.until ?? '2026-10-31';
  const today = new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until > today || until < '2016-01-01') {
    throw new Error(`--until ${until}: give a day YYYY-MM-DD between 2016-01-01 and today (${today})`);
  }
  if (!Number.isInteger(options.claims) || options.claims < 0 || options.claims > 9_999_999) {
    throw new Error(`--claims ${options.claims}: give a whole number from 0 to 9999999`);
  }
  const random = prng(seed);
  const lastDay = Date.UTC(Number(until.slice(0, 4)), Number(until.slice(5, 7)) - 1, Number(until.slice(8, 10))) / DAY_MS;
  const span = lastDay - FIRST_DAY;
  const dayText: string[] = [];
  for (let d = 0; d <= span; d++) dayText.push(new Date((FIRST_DAY + d) * DAY_MS).toISOString().slice(0, 10));
  const day = (d: number) => dayText[Math.max(0, Math.min(span, d))]!;
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const chance = (p: number) => random() < p;

  const makers = Array.from({ length: SHAPE.manufacturers }, (_, i) => `maker-${pad(i + 1, 4)}`);
  const optics = Array.from({ length: SHAPE.opticsPartners }, (_, i) => `optics-${pad(i + 1, 2)}`);
  // Linear skew: optics-01 weighs 50 of ~1225 (about 4%); the last weighs 0.1, so it is named rarely.
  const opticsWeights = optics.map((_, i) => (i === optics.length - 1 ? 0.1 : optics.length - i));
  const drawOptics = weighted(opticsWeights, random);
  const drawMaker = weighted(
    makers.map((_, i) => 1 / (i + 1) ** 0.6),
    random,
  );
  const drawLeaker = weighted(
    Array.from({ length: SHAPE.leakers }, (_, i) => 1 / (i + 1) ** 0.9),
    random,
  );

  const fd = openSync(options.out, 'w');
  const out = new BundleWriter(fd);
  out.raw('{"format":"optics-graph-bundle/1",');
  try {
    // Sources first: claims cite them by day range, so their days rise with their number.
    out.list('sources');
    const sourceDay: number[] = [];
    for (let i = 0; i < SHAPE.sources; i++) {
      const d = Math.floor((i * span) / SHAPE.sources);
      sourceDay.push(d);
      const id = `source-${pad(i + 1, 5)}`;
      out.item({
        id,
        url: `https://news.example.com/articles/${id}`,
        title: `Camera rumour roundup ${pad(i + 1, 5)}`,
        publisher: `Outlet ${pad((i % 40) + 1, 2)}`,
        publishedOn: day(d),
      });
    }

    out.list('companies');
    for (const [i, id] of optics.entries()) {
      out.item({ id, name: `Optics ${pad(i + 1, 2)}`, roles: ['OPTICS_PARTNER'], country: REGIONS[i % REGIONS.length], founded: String(1850 + i), knownSince: '2015-01-01' });
    }
    for (const [i, id] of makers.entries()) {
      out.item({
        id,
        name: `Maker ${pad(i + 1, 4)}`,
        roles: ['MANUFACTURER'],
        country: REGIONS[i % REGIONS.length],
        markets: [REGIONS[i % REGIONS.length], REGIONS[(i + 3) % REGIONS.length]],
        knownSince: '2015-01-01',
      });
    }

    out.list('partnerships');
    const partnerships: { id: string; maker: number; optics: number; start: number }[] = [];
    const partnersOfMaker = new Map<number, number[]>();
    const pairs = new Set<string>();
    while (partnerships.length < SHAPE.partnerships) {
      const maker = Math.floor(random() * makers.length);
      const partner = drawOptics();
      const id = `${makers[maker]}-${optics[partner]}`;
      if (pairs.has(id)) continue;
      pairs.add(id);
      const start = between(0, Math.min(span, 365 * 11));
      const entry: Record<string, unknown> = {
        id,
        manufacturer: makers[maker],
        opticsPartner: optics[partner],
        start: day(start),
        summary: `Maker ${pad(maker + 1, 4)} and Optics ${pad(partner + 1, 2)} co-engineer cameras.`,
      };
      if (chance(0.4) && start + 60 < span) {
        const end = between(start + 60, span);
        entry.end = day(end);
        if (chance(0.3)) entry.endKnownSince = day(Math.min(span, end + between(1, 60)));
      }
      out.item(entry);
      partnerships.push({ id, maker, optics: partner, start });
      partnersOfMaker.set(maker, [...(partnersOfMaker.get(maker) ?? []), partnerships.length - 1]);
    }

    out.list('devices');
    const devicesOfMaker = new Map<number, { id: string; announced: number }[]>();
    for (let i = 0; i < SHAPE.devices; i++) {
      const id = `device-${pad(i + 1, 5)}`;
      const maker = Math.floor(random() * makers.length);
      const announced = between(0, span);
      const entry: Record<string, unknown> = {
        id,
        name: `Device ${pad(i + 1, 5)}`,
        manufacturer: makers[maker],
        announced: day(announced),
        knownSince: day(Math.max(0, announced - between(0, 120))),
      };
      if (chance(0.85)) {
        const own = partnersOfMaker.get(maker);
        if (own && chance(0.85)) {
          const partnership = partnerships[own[Math.floor(random() * own.length)]!]!;
          entry.opticsPartner = optics[partnership.optics];
          entry.partnership = partnership.id;
        } else {
          entry.opticsPartner = optics[drawOptics()];
        }
      }
      if (chance(0.05)) entry.builtBy = makers[(maker + 1 + Math.floor(random() * (makers.length - 1))) % makers.length];
      const roll = random();
      if (roll < 0.02) entry.cancelled = day(Math.min(span, announced + between(30, 200)));
      else if (roll < 0.72 && announced + 1 <= span) entry.released = day(between(announced + 1, Math.min(span, announced + 60)));
      out.item(entry);
      devicesOfMaker.set(maker, [...(devicesOfMaker.get(maker) ?? []), { id, announced }]);
    }

    out.list('exclusivities');
    const bound = new Set<number>();
    while (bound.size < SHAPE.exclusivities) {
      const index = Math.floor(random() * partnerships.length);
      if (bound.has(index)) continue;
      bound.add(index);
      const partnership = partnerships[index]!;
      const id = `${partnership.id}-exclusivity`;
      const knownSince = Math.min(span, partnership.start + between(0, 90));
      const entry: Record<string, unknown> = {
        id,
        partnership: partnership.id,
        binds: (['OPTICS_PARTNER', 'MANUFACTURER', 'BOTH'] as const)[Math.floor(random() * 3)],
        start: day(partnership.start),
        certainty: (['CONFIRMED', 'REPORTED', 'INFERRED'] as const)[Math.floor(random() * 3)],
        knownSince: day(knownSince),
      };
      const roll = random();
      const launches = (devicesOfMaker.get(partnership.maker) ?? []).filter((d) => d.announced > partnership.start);
      if (roll < 0.35 && launches.length > 0) {
        const launch = launches[Math.floor(random() * launches.length)]!;
        entry.endsWithLaunchOf = launch.id;
        entry.endCondition = `ends with the launch of the ${launch.id.replace('device-', 'Device ')}`;
      } else if (roll < 0.75 && partnership.start + 30 < span) {
        const end = between(partnership.start + 30, Math.min(span, partnership.start + 3 * 365));
        entry.end = day(end);
        if (chance(0.3)) entry.endKnownSince = day(Math.max(knownSince, Math.min(span, end + between(0, 90))));
      }
      const regional = random();
      if (regional < 0.2) entry.regions = chance(0.5) ? ['CN'] : ['CN', 'IN'];
      else if (regional < 0.35) entry.exceptRegions = ['JP'];
      out.item(entry);
    }

    out.list('leakers');
    for (let i = 0; i < SHAPE.leakers; i++) {
      out.item({
        id: `leaker-${pad(i + 1, 4)}`,
        name: `Leaker ${pad(i + 1, 4)}`,
        platform: PLATFORMS[i % PLATFORMS.length],
        handle: `leaker${pad(i + 1, 4)}`,
        knownSince: '2015-01-01',
      });
    }

    out.list('claims');
    const opticsClaims = new Array<number>(optics.length).fill(0);
    const leakerClaims = new Array<number>(SHAPE.leakers).fill(0);
    let resolutions = 0;
    for (let i = 0; i < options.claims; i++) {
      const partner = drawOptics();
      opticsClaims[partner]!++;
      const first = drawMaker();
      const subjects = [optics[partner]!, makers[first]!];
      if (chance(0.3)) {
        const second = drawMaker();
        if (second !== first) subjects.push(makers[second]!);
      }
      const own = devicesOfMaker.get(first);
      if (own && chance(0.2)) subjects.push(own[Math.floor(random() * own.length)]!.id);
      const kindRoll = random();
      const kind = kindRoll < 0.5 ? 'WILL_PARTNER' : kindRoll < 0.75 ? 'WILL_NOT_PARTNER' : KINDS_RARE[Math.floor((kindRoll - 0.75) * 20)]!;
      const published = between(0, span);
      const entry: Record<string, unknown> = { id: `claim-${pad(i + 1, 7)}` };
      if (chance(0.95)) {
        const leaker = drawLeaker();
        leakerClaims[leaker]!++;
        entry.leaker = `leaker-${pad(leaker + 1, 4)}`;
      }
      entry.statement = `${kind.toLowerCase().replaceAll('_', ' ')}: Maker ${pad(first + 1, 4)} and Optics ${pad(partner + 1, 2)}`;
      entry.kind = kind;
      entry.subjects = subjects;
      entry.publishedOn = day(published);
      if (chance(0.2)) entry.evidence = [{ kind: 'IMAGE', description: 'a logo on a prototype' }];
      const roll = random();
      const resolved: Record<string, unknown>[] = [];
      if (roll < 0.68 && published + 1 <= span) {
        const decided = between(published + 1, Math.min(span, published + 720));
        const known = Math.min(span, decided + between(0, 60));
        const twice = roll >= 0.6 && known + 30 <= span;
        resolved.push({ outcome: twice ? 'REFUTED' : chance(0.6) ? 'CONFIRMED' : chance(0.7) ? 'REFUTED' : 'PARTLY_CONFIRMED', decidedOn: day(decided), knownSince: day(known) });
        if (twice) {
          const later = between(known + 1, Math.min(span, known + 720));
          resolved.push({ outcome: 'CONFIRMED', decidedOn: day(later), knownSince: day(Math.min(span, later + between(0, 30))), note: 'vindicated' });
        }
      }
      if (resolved.length > 0) entry.resolutions = resolved;
      resolutions += resolved.length;
      const source = Math.min(SHAPE.sources - 1, Math.floor((published * SHAPE.sources) / (span + 1)));
      entry.sources = [`source-${pad(source + 1, 5)}`];
      out.item(entry);
    }
    out.raw('\n]}\n');
    out.flush();

    const argmax = (counts: number[]) => counts.indexOf(Math.max(...counts));
    const argmin = (counts: number[]) => counts.indexOf(Math.min(...counts));
    const meta: WorldMeta = {
      seed,
      until,
      counts: { ...SHAPE, claims: options.claims, resolutions },
      busiestOpticsPartner: { id: optics[argmax(opticsClaims)]!, claims: Math.max(...opticsClaims) },
      quietestOpticsPartner: { id: optics[argmin(opticsClaims)]!, claims: Math.min(...opticsClaims) },
      busiestLeaker: { id: `leaker-${pad(argmax(leakerClaims) + 1, 4)}`, claims: Math.max(...leakerClaims) },
      sampleDevice: (devicesOfMaker.get(0) ?? [{ id: 'device-00001' }])[0]!.id,
    };
    writeFileSync(`${options.out}.meta.json`, `${JSON.stringify(meta, null, 2)}\n`);
    return meta;
  } finally {
    closeSync(fd);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { claims: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, until: { type: 'string' } },
  });
  if (!values.out) {
    console.error('usage: node bench/generate.ts --claims 1000000 --out /tmp/world-1m.json [--seed 1] [--until 2026-10-31]');
    process.exit(2);
  }
  const started = performance.now();
  const meta = generateWorld({ claims: Number(values.claims), out: values.out, seed: Number(values.seed), until: values.until });
  console.log(`${values.out}: ${meta.counts.claims} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(JSON.stringify(meta, null, 2));
}
