/**
 * How one stored property value is written for Neo4j's offline bulk importer, so that the loaded
 * node holds exactly what the online importer's `SET n = row.props` stores: strings quoted (a quote
 * doubled, RFC 4180), so an empty string stays one; null as an empty field, which stores nothing;
 * lists joined by LIST_DELIMITER. Numbers are stored as the driver sends JS numbers, as floats,
 * except a resolution's position, which the online importer stores as an integer.
 */

export type CsvValue = string | number | boolean | string[] | number[] | null;

/** Between list elements (and labels): a control character no bundle text needs. */
export const LIST_DELIMITER = '\u001f';

/** Properties that are not plain strings, with their type in the bulk importer's header syntax. */
const TYPES: Record<string, string> = {
  markets: ':string[]',
  regions: ':string[]',
  exceptRegions: ':string[]',
  endsWithPartnership: ':boolean',
  position: ':int',
  subjectIds: ':string[]',
  countsFrom: ':string[]',
  countsUntil: ':string[]',
  outcomeDays: ':string[]',
  outcomeValues: ':string[]',
  credibilityDays: ':string[]',
  credibilityHits: ':double[]',
  credibilityResolved: ':double[]',
};

/** A value this format cannot carry; the initial load stops and says which. */
export class CsvValueError extends Error {
  override name = 'CsvValueError';
}

/** The header suffix of a property (empty for a string). */
export function csvTypeOf(name: string): string {
  return TYPES[name] ?? '';
}

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new CsvValueError(`${value} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  // An empty list is written as null and set to [] once loaded (load-files.ts): the importer has no empty list.
  if (value.length === 0) return '';
  const parts = value.map((element) => {
    const text = String(element);
    // The importer drops empty elements and splits on the delimiter: either would change the list.
    if (text === '' || text.includes(LIST_DELIMITER))
      throw new CsvValueError(`the list element ${JSON.stringify(text)} cannot be bulk-loaded (empty, or holds U+001F); import this bundle with npm run import instead`);
    return text;
  });
  return quoted(parts.join(LIST_DELIMITER));
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
