/**
 * What the person has chosen (optics partner, region, day), kept in the address so a view can be
 * shared, and the day slider: one step a day over the years the data covers.
 */
export interface Choice {
  partner: string;
  region: string | null;
  day: string;
}

const dayMs = 86_400_000;

export function dayToIndex(from: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

export function indexToDay(from: string, index: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + index * dayMs).toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Two letters, upper case; anything else is no region. */
export function regionOf(text: string): string | null {
  const code = text.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

export function choiceFromAddress(fallback: Choice): Choice {
  const params = new URLSearchParams(location.search);
  const day = params.get('day');
  return {
    partner: params.get('partner') || fallback.partner,
    region: regionOf(params.get('region') ?? '') ?? fallback.region,
    day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : fallback.day,
  };
}

export function writeAddress(choice: Choice): void {
  const params = new URLSearchParams({ partner: choice.partner, day: choice.day });
  if (choice.region) params.set('region', choice.region);
  history.replaceState(null, '', `?${params}`);
}
