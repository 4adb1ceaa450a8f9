import { GraphQLError, Kind } from 'graphql';
import { InvalidDateError, parseDay } from '../domain/fuzzy-date.ts';
import { builder } from './builder.ts';

/** A calendar day, by the one day parser (src/domain/fuzzy-date.ts): 2021-02-30 is refused with the reason. */
function dayArgument(value: unknown): string {
  try {
    return parseDay(value);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new GraphQLError(`Date ${error.offCalendar ?? error.message}`, { extensions: { code: 'BAD_USER_INPUT' } });
    throw error;
  }
}

builder.scalarType('Date', {
  description: 'A calendar day, YYYY-MM-DD (UTC).',
  serialize: (value) => value,
  parseValue: dayArgument,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
    return dayArgument(ast.value);
  },
});
