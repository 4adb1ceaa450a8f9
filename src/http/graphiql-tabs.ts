/**
 * GraphiQL opens with the README's example operations as tabs, so they are there to pick, not only
 * to copy. The README is their one home: each ```graphql block becomes a tab, headed by the line
 * that introduces it. The worked outlook comes first, as it answers the question the service exists
 * for on the demo data. Tabs that write carry the header they need, explained where it is set.
 */
import { readFileSync } from 'node:fs';
import type { GraphiQLOptions } from 'graphql-yoga';
import type { Config } from '../config.ts';

type Tab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

export interface Example {
  /** The sentence in the README that introduces it. */
  title: string;
  document: string;
}

const README = new URL('../../README.md', import.meta.url);

/** Every ```graphql block of the README, in order, with the paragraph that introduces it. */
export function readmeExamples(readme: string): Example[] {
  const examples: Example[] = [];
  for (const match of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const lines = readme.slice(0, match.index).trimEnd().split('\n');
    const paragraph: string[] = [];
    // The lines right above the block, back to a blank line or the end of an earlier block.
    for (let line = lines.pop(); line !== undefined && line.trim() !== '' && !line.startsWith('```'); line = lines.pop()) paragraph.unshift(line.trim());
    const title = paragraph
      .join(' ')
      .replace(/^#+\s*/, '')
      .replace(/:$/, '');
    examples.push({ title, document: (match[1] ?? '').trimEnd() });
  }
  return examples;
}

/** Wraps prose at about 60 characters, so a comment reads without scrolling the editor. */
function wrap(text: string, width = 60): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `# ${line}` : '#'))
    .join('\n');
}

function writeHelp(auth: Config['auth']): string[] {
  const accepted = [
    auth.apiKeys.length > 0 ? `${auth.apiKeys.length} API key${auth.apiKeys.length === 1 ? '' : 's'} (API_KEYS)` : null,
    auth.jwtSecret ? 'JWTs with scope "write" (JWT_SECRET)' : null,
  ].filter(Boolean);
  return accepted.length > 0
    ? [`This server accepts ${accepted.join(' and ')}.`]
    : ['This server was started without API_KEYS or JWT_SECRET,', 'so it refuses every write: restart it with', 'API_KEYS=<a key of 16+ characters>.'];
}

/** The header lines, short enough to read without scrolling the editor. */
const HEADER_FORMS = ['  {"x-api-key": "<one of API_KEYS>"}', '  or {"Authorization": "Bearer <JWT with scope write>"}'];

function operationName(document: string): string | null {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(document)?.[1] ?? null;
}

/** The tabs for a server with this configuration: the README's examples, the outlook first. */
export function graphiqlTabs(examples: Example[], auth: Config['auth']): Tab[] {
  const isOutlook = (e: Example) => /^\s*query\b/m.test(e.document) && e.document.includes('partnershipOutlook(');
  const ordered = [...examples.filter(isOutlook), ...examples.filter((e) => !isOutlook(e))];
  const writers = ordered.filter((e) => /^\s*mutation\b/m.test(e.document)).map((e) => operationName(e.document) ?? 'mutation');
  return ordered.map((example, index) => {
    const writes = /^\s*mutation\b/m.test(example.document);
    const lines = wrap(example.title);
    if (index === 0) {
      lines.push(
        '',
        'GraphiQL of this service, served from this machine.',
        "Each tab is one of the README's examples; run it with",
        'the play button (Ctrl-Enter). Reads need no header.',
        `Writes (the ${writers.join(', ')} tab) need one, set in the`,
        'Headers pane below:',
        ...HEADER_FORMS,
        ...writeHelp(auth),
      );
    }
    if (writes) {
      lines.push('', 'Writing needs a header: open the Headers pane below and', 'replace the placeholder with one of the API_KEYS:', ...HEADER_FORMS, ...writeHelp(auth));
    }
    return {
      query: `${comment(lines.join('\n'))}\n${example.document}\n`,
      variables: null,
      headers: writes ? JSON.stringify({ 'x-api-key': 'replace with one of API_KEYS' }, null, 2) : null,
    };
  });
}

/** GraphiQL's options for this server; read once at start. */
export function graphiqlOptions(config: Config): GraphiQLOptions {
  let examples: Example[] = [];
  try {
    examples = readmeExamples(readFileSync(README, 'utf8'));
  } catch {
    // An image built without the README still serves GraphiQL, with a default tab of its own.
  }
  const tabs = graphiqlTabs(examples, config.auth);
  return {
    title: 'Optics graph',
    defaultTabs: tabs.length > 0 ? tabs : [{ query: '{ serviceInfo { neo4jVersion companies claims } }' }],
    // Subscriptions (outlookChanged, claimResolved) over yoga's built-in Server-Sent Events.
    subscriptionsProtocol: 'SSE',
    // Headers typed by a user (an API key) are not written to the browser's storage.
    shouldPersistHeaders: false,
  };
}
