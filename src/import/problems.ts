/** What is wrong with a bundle, each at a JSON path such as `$.claims[3].subjects[1]`. */
export interface Problem {
  path: string;
  message: string;
}

/** One object of a bundle list, read leniently: the rules run even where the schema failed. */
export interface Entry {
  list: string;
  index: number;
  path: string;
  item: Record<string, unknown>;
}

/** Where the checks of one entry report what they find (validate.ts and validate-dates.ts). */
export interface Checker {
  report(path: string, message: string): void;
  /** False where the schema already reported a problem, so a bad value is reported once. */
  clean(path: string): boolean;
}

/** Thrown by importBundle when a bundle has problems; nothing was written. */
export class BundleRejectedError extends Error {
  override name = 'BundleRejectedError';
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    if (problems.length > shown.length) shown.push(`  ...and ${problems.length - shown.length} more`);
    super(`The bundle was rejected with ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n${shown.join('\n')}`);
    this.problems = problems;
  }
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Appends a key or index to a JSON path: `$.claims` + 3 -> `$.claims[3]`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Turns a JSON pointer (`/claims/3/subjects/1`, as Ajv reports) into a JSON path. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '$';
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((path, segment) => childPath(path, /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment), '$');
}
