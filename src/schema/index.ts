/** Imports every domain's types and fields, then builds the schema. Nothing else lives here. */
import { builder } from './builder.ts';
import './scalars.ts';
import './service.ts';

export const schema = builder.toSchema({ sortSchema: false });
