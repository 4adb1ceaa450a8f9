/** Failing fast while Neo4j is down, including statements that were already waiting (src/graph/availability.ts). */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphAvailability } from '../../src/graph/availability.ts';
import { GraphUnavailableError } from '../../src/graph/graph-errors.ts';

/** A statement the test answers when it likes, as a driver still retrying a connection would. */
function pendingStatement<T>() {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

let availability: GraphAvailability;
afterEach(() => availability.stop());

function neo4jThatNeverAnswers() {
  // The probe fails: Neo4j stays down until the test says otherwise.
  availability = new GraphAvailability(() => Promise.reject(new Error('connect ECONNREFUSED')), pino({ level: 'silent' }), 60_000);
  return availability;
}

describe('statements in flight when Neo4j goes down', () => {
  it('answers with the statement while Neo4j is up', async () => {
    const statement = pendingStatement<string>();
    const answered = neo4jThatNeverAnswers().unlessDown(statement.promise);
    statement.answer('rows');
    await expect(answered).resolves.toBe('rows');
  });

  it('stops waiting with SERVICE_UNAVAILABLE the moment any statement finds Neo4j gone', async () => {
    const graph = neo4jThatNeverAnswers();
    const first = graph.unlessDown(pendingStatement<string>().promise);
    const second = graph.unlessDown(pendingStatement<string>().promise);
    graph.markDown('connect ECONNREFUSED 127.0.0.1:7687');
    await expect(first).rejects.toBeInstanceOf(GraphUnavailableError);
    await expect(second).rejects.toThrow(/Neo4j cannot be reached since .*ECONNREFUSED 127\.0\.0\.1:7687/);
  });

  it('refuses a statement at once while Neo4j is known to be down', () => {
    const graph = neo4jThatNeverAnswers();
    graph.markDown('connect ECONNREFUSED');
    expect(() => graph.unlessDown(Promise.resolve('rows'))).toThrow(GraphUnavailableError);
  });

  it('keeps the answer of a statement that ended before Neo4j went down', async () => {
    const graph = neo4jThatNeverAnswers();
    const statement = pendingStatement<string>();
    const answered = graph.unlessDown(statement.promise);
    statement.answer('rows');
    await expect(answered).resolves.toBe('rows');
    graph.markDown('connect ECONNREFUSED');
    await expect(answered).resolves.toBe('rows');
  });

  it('after Neo4j answers again, a new statement waits for its answer', async () => {
    const graph = neo4jThatNeverAnswers();
    graph.markDown('connect ECONNREFUSED');
    graph.markUp();
    const statement = pendingStatement<string>();
    const answered = graph.unlessDown(statement.promise);
    statement.answer('rows');
    await expect(answered).resolves.toBe('rows');
  });
});
