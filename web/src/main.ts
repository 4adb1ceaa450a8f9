/**
 * The outlook page: a person picks an optics partner, a region and a day; the page asks the service
 * for the outlook and the partner's timeline as known on that day, draws both, and keeps the outlook
 * live through the `outlookChanged` subscription, so a write anywhere shows up here without a reload.
 * Data flows one way: a choice -> queries -> render; a live event -> render.
 */
import { byId, h } from './dom.ts';
import { execute, onPartialData } from './graphql-client.ts';
import { subscribe, type LiveState } from './live-subscription.ts';
import { moreCandidatesQuery, moreExclusionsQuery, outlookChangedSubscription, outlookQuery, pageChoicesQuery, partnerTimelineQuery } from './operations.ts';
import type { OutlookFieldsFragment, PartnerTimelineQuery } from './gql/graphql.ts';
import { renderOutlook, type OutlookLists } from './outlook-view.ts';
import { renderTimeline, type TimelineSpan } from './timeline-chart.ts';
import { choiceFromAddress, dayToIndex, indexToDay, regionOf, todayUtc, writeAddress, type Choice } from './choices.ts';

const partnerSelect = byId<HTMLSelectElement>('partner');
const regionInput = byId<HTMLInputElement>('region');
const regionList = byId<HTMLDataListElement>('regions');
const daySlider = byId<HTMLInputElement>('day');
const dayInput = byId<HTMLInputElement>('day-exact');
const status = byId<HTMLElement>('status');
const live = byId<HTMLElement>('live');
const outlookTarget = byId<HTMLElement>('outlook');
const timelineTarget = byId<HTMLElement>('timeline');

let span: TimelineSpan = { from: '2015-01-01', to: todayUtc() };
let choice: Choice;
/** Each load gets a number; an answer to an older choice is dropped. */
let generation = 0;
let unsubscribe: (() => void) | null = null;
let outlook: OutlookFieldsFragment | null = null;
let lists: OutlookLists = { candidates: [], candidatesNext: null, exclusions: [], exclusionsNext: null };

function variables() {
  return { opticsPartner: choice.partner, region: choice.region, asOf: choice.day };
}

function showError(error: unknown): void {
  status.textContent = `The service answered with an error: ${error instanceof Error ? error.message : String(error)}`;
  status.className = 'error';
}

onPartialData((error) => {
  status.textContent = `Shown with gaps: ${error.message}`;
  status.className = 'partial';
});

function showOutlook(next: OutlookFieldsFragment): void {
  outlook = next;
  lists = {
    candidates: next.candidates.edges.map((e) => e.node),
    candidatesNext: nextCursor(next.candidates.pageInfo),
    exclusions: next.excluded.edges.map((e) => e.node),
    exclusionsNext: nextCursor(next.excluded.pageInfo),
  };
  drawOutlook();
}

function drawOutlook(): void {
  if (outlook) renderOutlook(outlookTarget, outlook, lists, { moreCandidates, moreExclusions });
}

/** The next page of a list, added below what is shown; dropped if the choice changed meanwhile. */
async function more<T>(read: () => Promise<T>, add: (page: T) => void): Promise<void> {
  const current = generation;
  try {
    const page = await read();
    if (current !== generation) return;
    add(page);
    drawOutlook();
  } catch (error) {
    showError(error);
  }
}

function nextCursor(pageInfo: { hasNextPage: boolean; endCursor?: string | null }): string | null {
  return pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null;
}

function moreCandidates(): void {
  const after = lists.candidatesNext;
  if (!after) return;
  void more(
    async () => (await execute(moreCandidatesQuery, { ...variables(), after })).partnershipOutlook.candidates,
    (page) => (lists = { ...lists, candidates: [...lists.candidates, ...page.edges.map((e) => e.node)], candidatesNext: nextCursor(page.pageInfo) }),
  );
}

function moreExclusions(): void {
  const after = lists.exclusionsNext;
  if (!after) return;
  void more(
    async () => (await execute(moreExclusionsQuery, { ...variables(), after })).partnershipOutlook.excluded,
    (page) => (lists = { ...lists, exclusions: [...lists.exclusions, ...page.edges.map((e) => e.node)], exclusionsNext: nextCursor(page.pageInfo) }),
  );
}

function showTimeline(partner: PartnerTimelineQuery['opticsPartner']): void {
  if (!partner) {
    timelineTarget.replaceChildren(h('p', { class: 'muted' }, `${choice.partner} was not known as an optics partner on ${choice.day}.`));
    return;
  }
  const regions = new Set<string>();
  for (const { node } of partner.partnerships.edges)
    for (const clause of node.exclusivityClauses) for (const r of [...(clause.regions ?? []), ...clause.exceptRegions]) regions.add(r);
  regionList.replaceChildren(...[...regions].sort().map((r) => h('option', { value: r })));
  renderTimeline(timelineTarget, partner, choice.day, span);
}

function setLiveState(state: LiveState): void {
  live.dataset.state = state;
  live.textContent = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting…', closed: 'not live' }[state];
  if (state === 'live') live.title = 'Updates arrive through the outlookChanged subscription';
}

async function refreshTimeline(current: number): Promise<void> {
  const timeline = await execute(partnerTimelineQuery, { opticsPartner: choice.partner, asOf: choice.day });
  if (current === generation) showTimeline(timeline.opticsPartner);
}

async function refresh(current: number): Promise<void> {
  status.textContent = 'loading…';
  status.className = 'loading';
  try {
    const [answer] = await Promise.all([execute(outlookQuery, variables()), refreshTimeline(current)]);
    if (current !== generation) return;
    showOutlook(answer.partnershipOutlook);
    if (status.className === 'loading') {
      status.textContent = '';
      status.className = '';
    }
  } catch (error) {
    if (current === generation) showError(error);
  }
}

/**
 * Subscribes first and reads once the stream is open: the subscription sends only changes after it
 * opened, so reading then misses none. A reconnect reads again for what changed while it was down.
 * Without a live stream (refused, or not open within 3 s) the page reads anyway.
 */
function load(): void {
  const current = ++generation;
  writeAddress(choice);
  unsubscribe?.();
  let read = false;
  const readNow = () => {
    read = true;
    void refresh(current);
  };
  const fallback = setTimeout(() => read || readNow(), 3000);
  const stop = subscribe(outlookChangedSubscription, variables(), {
    open: readNow,
    next: (data) => {
      if (current !== generation) return;
      showOutlook(data.outlookChanged);
      live.dataset.updated = new Date().toISOString();
      void refreshTimeline(current).catch(showError);
    },
    error: (error) => {
      live.title = `Not live: ${error.message}`;
      if (!read) readNow();
    },
    state: setLiveState,
  });
  unsubscribe = () => {
    clearTimeout(fallback);
    stop();
  };
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** The slider fires on every step of a drag: ask once the hand rests. */
function loadSoon(): void {
  clearTimeout(pending);
  pending = setTimeout(load, 150);
}

/** Sets the chosen day (clamped to the span) and shows it on every control but the one it came from. */
function setDay(dayText: string, from: 'slider' | 'exact' | 'address'): void {
  const index = Math.min(Number(daySlider.max), Math.max(0, dayToIndex(span.from, dayText)));
  choice = { ...choice, day: indexToDay(span.from, index) };
  if (from !== 'slider') daySlider.value = String(index);
  if (from !== 'exact') dayInput.value = choice.day;
  byId('day-label').textContent = choice.day;
}

async function start(): Promise<void> {
  const choices = await execute(pageChoicesQuery, {});
  const partners = choices.opticsPartners.edges.map((e) => e.node);
  const earliest = choices.earliestClaim.edges[0]?.node.publishedOn ?? todayUtc();
  span = { from: `${earliest.slice(0, 4)}-01-01`, to: todayUtc() };
  partnerSelect.replaceChildren(...partners.map((p) => h('option', { value: p.slug }, p.name)));
  const fallback = partners.some((p) => p.slug === 'leica') ? 'leica' : (partners[0]?.slug ?? '');
  choice = choiceFromAddress({ partner: fallback, region: null, day: span.to });
  partnerSelect.value = choice.partner;
  regionInput.value = choice.region ?? '';
  daySlider.min = '0';
  daySlider.max = String(dayToIndex(span.from, span.to));
  dayInput.min = span.from;
  dayInput.max = span.to;
  byId('span-from').textContent = span.from.slice(0, 4);
  byId('span-to').textContent = span.to;
  setDay(choice.day, 'address');

  partnerSelect.addEventListener('change', () => {
    choice = { ...choice, partner: partnerSelect.value };
    load();
  });
  regionInput.addEventListener('change', () => {
    choice = { ...choice, region: regionOf(regionInput.value) };
    regionInput.value = choice.region ?? '';
    load();
  });
  daySlider.addEventListener('input', () => {
    setDay(indexToDay(span.from, Number(daySlider.value)), 'slider');
    loadSoon();
  });
  dayInput.addEventListener('change', () => {
    if (!dayInput.value) return;
    setDay(dayInput.value, 'exact');
    load();
  });
  load();
}

start().catch(showError);
