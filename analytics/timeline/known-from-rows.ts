/**
 * The timeline's Neo4j rows (cypher/statements/timeline-*.cypher) as known on the day, by the as-of
 * rules of src/domain: what the service's API answers for the same day (read-timeline-api.ts).
 */
import { partnershipAsOf } from '../../src/domain/as-of.ts';
import { clauseEnd } from '../../src/domain/exclusivity.ts';
import type { Day, Outcome } from '../../src/domain/facts.ts';
import { outcomeFromHistory } from '../../src/domain/outcome-history.ts';
import type { Row } from '../../src/graph/executor.ts';
import { exclusivityFact, partnershipFact } from '../../src/graph/rows.ts';
import type { ClaimAboutPartner, KnownPartnership } from './timeline-picture.ts';

export function knownPartnerships(rows: Row[], asOf: Day): KnownPartnership[] {
  return rows.flatMap((row) => {
    const partnership = partnershipAsOf(partnershipFact(row), asOf);
    if (partnership === null) return [];
    const clauses = ((row.clauses as Row[] | null) ?? []).map((clauseRow) => {
      const clause = exclusivityFact(clauseRow);
      const end = clauseEnd(clause, asOf);
      return {
        id: clause.id,
        start: clause.start,
        certainty: clause.certainty,
        binds: clause.binds,
        end: { basis: end.basis, lastDay: end.lastDay, date: end.date, condition: end.endCondition, launchName: end.launch?.deviceName ?? null },
      };
    });
    return [{ id: partnership.id, start: partnership.start, end: partnership.end, manufacturer: String(row.manufacturerName), clauses }];
  });
}

export function claimsAboutPartner(rows: Row[], asOf: Day): ClaimAboutPartner[] {
  return rows.map((row) => {
    const days = (row.outcomeDays as string[] | null) ?? [];
    const values = ((row.outcomeValues as string[] | null) ?? []) as Outcome[];
    return {
      id: String(row.id),
      statement: String(row.statement),
      publishedOn: String(row.publishedOn),
      outcome: outcomeFromHistory(days.map((from, i) => ({ from, outcome: values[i]! })), asOf),
      leakerName: row.leakerName == null ? null : String(row.leakerName),
      manufacturers: (row.manufacturers as { name: string }[]).map((m) => m.name),
    };
  });
}
