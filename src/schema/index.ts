/** Imports every domain's types and fields, then builds the schema. Nothing else lives here. */
import { builder } from './builder.ts';
import './scalars.ts';
import './common.ts';
import './service.ts';
import './company.ts';
import './device.ts';
import './partnership.ts';
import './claim.ts';
import './search.ts';
import './node-lookup.ts';
import './outlook.ts';
import './backtest.ts';
import './errors.ts';
import './mutations.ts';
import './subscriptions.ts';

export const schema = builder.toSchema({ sortSchema: false });
