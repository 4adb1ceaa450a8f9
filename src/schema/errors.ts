/** Typed domain errors that mutations return as union members (Pothos errors plugin). */
import { builder } from './builder.ts';
import type { Problem } from '../import/problems.ts';
import { ConflictError } from '../graph/conflict.ts';

export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly problems: { field: string; message: string }[];
  constructor(problems: { field: string; message: string }[]) {
    super(`The input has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    this.problems = problems;
  }

  /** Bundle problems (`$.partnerships[0].end`) named by the mutation's input field (`input.end`). */
  static fromBundleProblems(problems: Problem[]): ValidationError {
    return new ValidationError(problems.map((p) => ({ field: p.path.replace(/^\$\.[a-z]+\[0\]/, 'input').replace(/^\$/, 'input'), message: p.message })));
  }
}

export { ConflictError } from '../graph/conflict.ts';

const FieldProblem = builder.objectRef<{ field: string; message: string }>('FieldProblem').implement({
  fields: (t) => ({ field: t.exposeString('field'), message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; nothing was written. Each problem names its field.',
  fields: (t) => ({
    message: t.exposeString('message'),
    problems: t.field({ type: [FieldProblem], resolve: (e) => e.problems }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change contradicts a stored fact (e.g. a different end already recorded); nothing was written.',
  fields: (t) => ({ message: t.exposeString('message') }),
});
