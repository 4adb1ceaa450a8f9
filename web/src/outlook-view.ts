/**
 * Draws one outlook: when the partner is free, the ranked candidates with the claims behind each
 * score, and every manufacturer that is not a candidate with its reason. It only reads the data it
 * is given; paging asks main.ts for more through the callbacks.
 */
import type { CandidateFieldsFragment, ExclusionFieldsFragment, OutlookFieldsFragment } from './gql/graphql.ts';
import { h } from './dom.ts';
import { bindingClause, outcomeWords, reasonWords, score } from './wording.ts';

export interface OutlookPaging {
  moreCandidates(): void;
  moreExclusions(): void;
}

function summary(outlook: OutlookFieldsFragment): HTMLElement {
  const partner = outlook.opticsPartner.name;
  const region = outlook.region ? `in ${outlook.region}` : 'in any region';
  const free = outlook.freeFrom ? `free of exclusivity since ${outlook.freeFrom}` : 'never bound by an exclusivity';
  const later = outlook.evaluatedOn === outlook.asOf ? '' : `; bound on ${outlook.asOf}, so the outlook is for ${outlook.evaluatedOn}, the first day it is free`;
  return h(
    'section',
    { id: 'summary' },
    h('p', {}, h('strong', {}, partner), ` as known on ${outlook.asOf}, ${region}: ${free}${later}.`),
    outlook.blockedBy.length > 0 &&
      h(
        'p',
        {},
        'Bound on that day by: ',
        h(
          'ul',
          {},
          outlook.blockedBy.map((b) => h('li', {}, bindingClause(b))),
        ),
      ),
    outlook.assumesEndOf.length > 0 &&
      h(
        'p',
        { class: 'assumption' },
        'Treated as ended (no known end): ',
        h(
          'ul',
          {},
          outlook.assumesEndOf.map((b) => h('li', {}, bindingClause(b))),
        ),
      ),
  );
}

function evidenceItem(item: CandidateFieldsFragment['evidence'][number]): HTMLElement {
  const who = item.leaker ? item.leaker.name : 'an outlet';
  const credibility =
    item.credibility === null || item.credibility === undefined
      ? 'no leaker: weight 0.5'
      : `credibility ${score(item.credibility)} = (${item.credibilityHits} + 1) / (${item.credibilityResolved} + 2)`;
  const source = item.claim.sources[0];
  return h(
    'li',
    { class: `evidence ${item.direction.toLowerCase()}`, 'data-claim': item.claim.slug },
    h('span', { class: 'direction' }, item.direction === 'FOR' ? 'for' : 'against'),
    ' ',
    h('span', { class: 'leaker' }, who),
    ` (${credibility}), ${item.claim.publishedOn}: `,
    h('q', {}, item.claim.statement),
    ` — ${outcomeWords[item.claim.outcome]}`,
    source && h('span', {}, ' · ', h('a', { href: source.url, rel: 'noreferrer' }, 'source')),
  );
}

function candidateRow(candidate: CandidateFieldsFragment, rank: number): HTMLElement {
  const more = candidate.evidenceClaims - candidate.evidence.length;
  return h(
    'tr',
    { class: 'candidate', 'data-manufacturer': candidate.manufacturer.slug },
    h('td', { class: 'rank' }, rank),
    h(
      'td',
      { class: 'name' },
      candidate.manufacturer.name,
      candidate.pastPartner && h('span', { class: 'tag' }, 'past partner'),
      candidate.plannedPartnership && h('span', { class: 'tag' }, `planned from ${candidate.plannedPartnership.start.text}`),
    ),
    h('td', { class: 'score' }, h('meter', { min: 0, max: 1, value: candidate.score }), ' ', h('span', { class: 'value' }, score(candidate.score))),
    h(
      'td',
      { class: 'claims' },
      candidate.evidence.length === 0 ? h('span', { class: 'muted' }, 'no claims') : h('ul', {}, candidate.evidence.map(evidenceItem)),
      more > 0 && h('p', { class: 'muted' }, `and ${more} older claims`),
      h('details', {}, h('summary', {}, 'how the score is worked out'), h('p', {}, candidate.explanation)),
    ),
  );
}

function exclusionDetail(exclusion: ExclusionFieldsFragment): (Node | string)[] {
  if (exclusion.partnership) {
    const p = exclusion.partnership;
    return [`${p.slug}, since ${p.start.text}${p.end ? ` until ${p.end.text}` : ''}`];
  }
  if (exclusion.clause) return [bindingClause(exclusion.clause)];
  if (exclusion.dissolved) return [`dissolved ${exclusion.dissolved}`];
  if (exclusion.founded) return [`founded ${exclusion.founded}`];
  return [];
}

function exclusionRow(exclusion: ExclusionFieldsFragment): HTMLElement {
  return h(
    'tr',
    { class: 'exclusion', 'data-manufacturer': exclusion.manufacturer.slug, 'data-reason': exclusion.reason },
    h('td', { class: 'name' }, exclusion.manufacturer.name),
    h('td', { class: 'reason' }, reasonWords[exclusion.reason]),
    h('td', {}, ...exclusionDetail(exclusion)),
  );
}

export interface OutlookLists {
  candidates: CandidateFieldsFragment[];
  candidatesNext: string | null;
  exclusions: ExclusionFieldsFragment[];
  exclusionsNext: string | null;
}

export function renderOutlook(target: HTMLElement, outlook: OutlookFieldsFragment, lists: OutlookLists, paging: OutlookPaging): void {
  const candidateTable = h(
    'table',
    { id: 'candidates' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'manufacturer'), h('th', {}, 'score'), h('th', {}, 'claims behind it'))),
    h(
      'tbody',
      {},
      lists.candidates.map((c, i) => candidateRow(c, i + 1)),
    ),
  );
  const excluded = [...outlook.existingPartners, ...lists.exclusions];
  const exclusionTable = h(
    'table',
    { id: 'exclusions' },
    h('thead', {}, h('tr', {}, h('th', {}, 'manufacturer'), h('th', {}, 'reason'), h('th', {}, 'the fact behind it'))),
    h('tbody', {}, excluded.map(exclusionRow)),
  );
  const moreCandidates = lists.candidatesNext
    ? h('button', { type: 'button', id: 'more-candidates' }, `show more (${outlook.candidates.totalCount - lists.candidates.length} left)`)
    : null;
  moreCandidates?.addEventListener('click', paging.moreCandidates);
  const moreExclusions = lists.exclusionsNext
    ? h('button', { type: 'button', id: 'more-exclusions' }, `show more (${outlook.excluded.totalCount - lists.exclusions.length} left)`)
    : null;
  moreExclusions?.addEventListener('click', paging.moreExclusions);
  target.replaceChildren(
    h(
      'div',
      {},
      summary(outlook),
      h('h2', {}, `Candidates (${outlook.candidates.totalCount}), best first`),
      candidateTable,
      moreCandidates,
      h('h2', {}, `Not candidates (${outlook.existingPartners.length + outlook.excluded.totalCount})`),
      exclusionTable,
      moreExclusions,
    ),
  );
}
