// Offline check of an optics-graph bundle: JSON Schema, id uniqueness, cross-references, date sanity.
// Usage: node data/check-bundle.mjs [bundle.json]   (default: data/demo-bundle.json)
// Exit code 1 on any error; warnings are printed but do not fail.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bundlePath = process.argv[2] ?? path.join(here, 'demo-bundle.json');
const schemaPath = path.join(here, '..', 'schema', 'bundle.schema.json');

const errors = [];
const warnings = [];
const err = (m) => errors.push(m);
const warn = (m) => warnings.push(m);

const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));

// 1. Schema
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);
if (!validate(bundle)) {
  for (const e of validate.errors) err(`schema: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

// 2. Dates
const isRealDay = (d) => {
  const [y, m, dd] = d.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, dd));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === dd;
};
const pad = (n) => String(n).padStart(2, '0');
const lastDayOfMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** [first day, last day] of a fuzzy date's period. */
function period(f) {
  let m;
  if ((m = /^(\d{4})$/.exec(f))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{4})-Q([1-4])$/.exec(f))) {
    const y = +m[1], q = +m[2], em = q * 3;
    return [`${y}-${pad(em - 2)}-01`, `${y}-${pad(em)}-${pad(lastDayOfMonth(y, em))}`];
  }
  if ((m = /^(\d{4})-H([12])$/.exec(f))) return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{4})-(\d{2})$/.exec(f))) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(lastDayOfMonth(+m[1], +m[2]))}`];
  return [f, f];
}
const first = (f) => (f == null ? null : period(f)[0]);
const last = (f) => (f == null ? null : period(f)[1]);

function walkDays(x, where) {
  if (Array.isArray(x)) return x.forEach((v, i) => walkDays(v, `${where}[${i}]`));
  if (x && typeof x === 'object') return Object.entries(x).forEach(([k, v]) => walkDays(v, `${where}.${k}`));
  if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && !isRealDay(x)) err(`not a calendar day: ${where} = ${x}`);
}
walkDays(bundle, '$');

// 3. Ids
const arr = (k) => bundle[k] ?? [];
const index = {};
for (const k of ['sources', 'companies', 'ownerships', 'partnerships', 'exclusivities', 'devices', 'leakers', 'claims']) {
  index[k] = new Map();
  for (const e of arr(k)) {
    if (index[k].has(e.id)) err(`duplicate ${k} id: ${e.id}`);
    index[k].set(e.id, e);
  }
}
for (const id of index.companies.keys()) if (index.devices.has(id)) err(`company and device share id: ${id}`);

const need = (kind, id, where) => {
  if (id == null) return;
  if (!index[kind].has(id)) err(`${where}: unknown ${kind} id "${id}"`);
};
const hasRole = (id, role) => index.companies.get(id)?.roles?.includes(role);
const needSources = (list, where) => (list ?? []).forEach((s) => need('sources', s, `${where}.sources`));

// 4. Cross-references and consistency
for (const c of arr('companies')) {
  needSources(c.sources, `company ${c.id}`);
  if (c.founded && c.dissolved && first(c.dissolved) < first(c.founded)) err(`company ${c.id}: dissolved before founded`);
}
for (const o of arr('ownerships')) {
  const w = `ownership ${o.id}`;
  need('companies', o.company, `${w}.company`);
  need('companies', o.owner, `${w}.owner`);
  if (o.company === o.owner) err(`${w}: company owns itself`);
  if (o.end && last(o.end) < first(o.start)) err(`${w}: ends before it starts`);
  needSources(o.sources, w);
}
for (const p of arr('partnerships')) {
  const w = `partnership ${p.id}`;
  need('companies', p.manufacturer, `${w}.manufacturer`);
  need('companies', p.opticsPartner, `${w}.opticsPartner`);
  if (index.companies.has(p.manufacturer) && !hasRole(p.manufacturer, 'MANUFACTURER')) err(`${w}: ${p.manufacturer} lacks MANUFACTURER role`);
  if (index.companies.has(p.opticsPartner) && !hasRole(p.opticsPartner, 'OPTICS_PARTNER')) err(`${w}: ${p.opticsPartner} lacks OPTICS_PARTNER role`);
  if (p.end && last(p.end) < first(p.start)) err(`${w}: ends before it starts`);
  if (p.endKnownSince && !p.end) warn(`${w}: endKnownSince without end`);
  if (p.endKnownSince && p.end && p.endKnownSince < first(p.end)) warn(`${w}: end known before it happened`);
  needSources(p.sources, w);
}
for (const x of arr('exclusivities')) {
  const w = `exclusivity ${x.id}`;
  need('partnerships', x.partnership, `${w}.partnership`);
  need('devices', x.endsWithLaunchOf, `${w}.endsWithLaunchOf`);
  if (x.end && last(x.end) < first(x.start)) err(`${w}: ends before it starts`);
  if (x.end && x.endsWithLaunchOf) warn(`${w}: both end and endsWithLaunchOf set`);
  const overlap = (x.regions ?? []).filter((r) => (x.exceptRegions ?? []).includes(r));
  if (overlap.length) err(`${w}: regions and exceptRegions overlap: ${overlap}`);
  needSources(x.sources, w);
}
for (const d of arr('devices')) {
  const w = `device ${d.id}`;
  need('companies', d.manufacturer, `${w}.manufacturer`);
  need('companies', d.builtBy, `${w}.builtBy`);
  need('companies', d.opticsPartner, `${w}.opticsPartner`);
  need('partnerships', d.partnership, `${w}.partnership`);
  need('devices', d.becameDevice, `${w}.becameDevice`);
  if (d.becameDevice === d.id) err(`${w}: becameDevice points to itself`);
  if (index.companies.has(d.manufacturer) && !hasRole(d.manufacturer, 'MANUFACTURER')) err(`${w}: ${d.manufacturer} lacks MANUFACTURER role`);
  if (d.opticsPartner && index.companies.has(d.opticsPartner) && !hasRole(d.opticsPartner, 'OPTICS_PARTNER')) err(`${w}: ${d.opticsPartner} lacks OPTICS_PARTNER role`);
  const p = d.partnership && index.partnerships.get(d.partnership);
  if (p) {
    if (d.opticsPartner !== p.opticsPartner) err(`${w}: opticsPartner ${d.opticsPartner} differs from its partnership's ${p.opticsPartner}`);
    if (![d.manufacturer, d.builtBy].includes(p.manufacturer)) err(`${w}: partnership ${p.id} is with ${p.manufacturer}, neither manufacturer nor builder`);
    if (d.announced && last(d.announced) < first(p.start)) warn(`${w}: announced before its partnership started`);
  }
  if (d.knownSince && d.announced && d.knownSince > last(d.announced)) warn(`${w}: knownSince after announcement`);
  if (d.released && d.announced && last(d.released) < first(d.announced)) err(`${w}: released before announced`);
  needSources(d.sources, w);
}
for (const l of arr('leakers')) needSources(l.sources, `leaker ${l.id}`);

// Device knownSince (default: first day of announced) must not be after a claim that names it.
const deviceKnownSince = (d) => d.knownSince ?? first(d.announced);
for (const c of arr('claims')) {
  const w = `claim ${c.id}`;
  need('leakers', c.leaker, `${w}.leaker`);
  for (const s of c.subjects ?? []) {
    if (!index.companies.has(s) && !index.devices.has(s)) err(`${w}.subjects: "${s}" is neither a company nor a device`);
    const d = index.devices.get(s);
    if (d && deviceKnownSince(d) && deviceKnownSince(d) > c.publishedOn) warn(`${w}: names device ${s} before the device is known (${deviceKnownSince(d)})`);
  }
  if (['WILL_PARTNER', 'WILL_NOT_PARTNER', 'PARTNERSHIP_ENDED'].includes(c.kind)) {
    const subs = c.subjects ?? [];
    if (!subs.some((s) => hasRole(s, 'MANUFACTURER')) || !subs.some((s) => hasRole(s, 'OPTICS_PARTNER')))
      warn(`${w}: ${c.kind} claim should name a manufacturer and an optics partner`);
  }
  let prev = null;
  for (const [i, r] of (c.resolutions ?? []).entries()) {
    const rw = `${w}.resolutions[${i}]`;
    const known = r.knownSince ?? r.decidedOn;
    if (known < r.decidedOn) err(`${rw}: known before decided`);
    if (known < c.publishedOn) err(`${rw}: outcome known before the claim was published`);
    if (r.decidedOn < c.publishedOn) warn(`${rw}: decided before the claim was published`);
    if (prev && known < prev) err(`${rw}: resolutions not oldest-first by knownSince`);
    prev = known;
    needSources(r.sources, rw);
  }
  needSources(c.sources, w);
}

// Unused sources are allowed but reported.
const used = new Set();
JSON.stringify(bundle, (k, v) => {
  if (k === 'sources' && Array.isArray(v) && v.every((s) => typeof s === 'string')) v.forEach((s) => used.add(s));
  return v;
});
for (const id of index.sources.keys()) if (!used.has(id)) warn(`source ${id} is never referenced`);

const counts = Object.fromEntries(Object.entries(index).map(([k, m]) => [k, m.size]));
console.log(`${path.relative(process.cwd(), bundlePath)}:`, JSON.stringify(counts));
for (const w of warnings) console.log('warning:', w);
for (const e of errors) console.log('ERROR:', e);
console.log(errors.length ? `${errors.length} error(s), ${warnings.length} warning(s)` : `OK (${warnings.length} warning(s))`);
process.exit(errors.length ? 1 : 0);
