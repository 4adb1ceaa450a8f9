import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day; a real one (2021-02-30 is refused with the reason). */
export function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !dayPattern.test(value)) {
    throw new GraphQLError(`Date must be a day written YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const probe = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== value) {
    throw new GraphQLError(`Date ${value} is not a day of the calendar`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return value;
}

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD (UTC).',
  serialize: (value) => value,
  parseValue: parseDay,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDay(ast.value);
  },
});
