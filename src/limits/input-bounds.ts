/**
 * Bounds on every value a request hands the server, checked before anything runs: no string, id or
 * list reaches Cypher unbounded (a 300,000-character search word ran Neo4j out of heap; 10,000 ids
 * ran 10,000 statements). Literal values and variables are checked alike, at any depth of an input
 * object. `first`/`last` must be page sizes from 0 to MAX_PAGE_SIZE, rather than being cut silently.
 */
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import type { Config } from '../config.ts';
import { limitError } from './limit-error.ts';

type Limits = Config['limits'];

/** Walks one value with its input type; reports the first bound it breaks, naming where. */
function checkValue(value: unknown, type: GraphQLInputType, where: string, limits: Limits): GraphQLError | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > limits.maxListLength) {
      return limitError(
        'BAD_USER_INPUT',
        `${where} has ${items.length} items; at most ${limits.maxListLength} are accepted in one list (MAX_LIST_LENGTH). Send the rest in further requests.`,
        {
          setting: 'MAX_LIST_LENGTH',
          limit: limits.maxListLength,
          found: items.length,
          argument: where,
        },
      );
    }
    for (const [index, item] of items.entries()) {
      const problem = checkValue(item, nullable.ofType as GraphQLInputType, `${where}[${index}]`, limits);
      if (problem) return problem;
    }
    return null;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return null;
    const fields = nullable.getFields();
    for (const [name, field] of Object.entries(fields)) {
      const problem = checkValue((value as Record<string, unknown>)[name], field.type, `${where}.${name}`, limits);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'string') {
    const isId = getNamedType(nullable).name === 'ID';
    const max = isId ? limits.maxIdLength : limits.maxStringLength;
    if (value.length > max) {
      const setting = isId ? 'MAX_ID_LENGTH' : 'MAX_STRING_LENGTH';
      return limitError('BAD_USER_INPUT', `${where} is ${value.length} characters long; at most ${max} are accepted (${setting}). Shorten it.`, {
        setting,
        limit: max,
        found: value.length,
        argument: where,
      });
    }
  }
  return null;
}

function checkPageSize(name: string, value: unknown, where: string, limits: Limits): GraphQLError | null {
  if ((name !== 'first' && name !== 'last') || typeof value !== 'number') return null;
  if (value >= 0 && value <= limits.maxPageSize) return null;
  return limitError(
    'BAD_USER_INPUT',
    `${where} is ${value}; a page holds from 0 to ${limits.maxPageSize} items (MAX_PAGE_SIZE). Ask for the next page with after: <endCursor> instead.`,
    {
      setting: 'MAX_PAGE_SIZE',
      limit: limits.maxPageSize,
      found: value,
      argument: where,
    },
  );
}

/** The first value of the document's field arguments that breaks a bound, or null. */
export function inputBoundsProblem(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, limits: Limits): GraphQLError | null {
  const typeInfo = new TypeInfo(schema);
  let problem: GraphQLError | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        if (problem) return false;
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        // Directive arguments (@skip(if:)) hold booleans; unknown arguments are validation's to report.
        if (!argument || !field || !parent || typeInfo.getDirective()) return false;
        const value = argumentValue(node.value, variables);
        const where = `${parent.name}.${field.name}(${argument.name}:)`;
        problem = checkPageSize(argument.name, value, where, limits) ?? checkValue(value, argument.type, where, limits);
        return false;
      },
    }),
  );
  return problem;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown> | undefined): unknown {
  if (node.kind === Kind.VARIABLE) return variables?.[node.name.value];
  return valueFromASTUntyped(node, variables);
}
