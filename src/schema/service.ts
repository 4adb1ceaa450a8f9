import { builder } from './builder.ts';

interface ServiceInfo {
  neo4jVersion: string;
  edition: string;
  companies: number;
  claims: number;
}

const ServiceInfoRef = builder.objectRef<ServiceInfo>('ServiceInfo').implement({
  description: 'What this service runs on and how much it holds.',
  fields: (t) => ({
    neo4jVersion: t.exposeString('neo4jVersion'),
    edition: t.exposeString('edition'),
    companies: t.exposeInt('companies'),
    claims: t.exposeInt('claims'),
  }),
});

builder.queryField('serviceInfo', (t) =>
  t.field({
    type: ServiceInfoRef,
    resolve: async (_root, _args, { graph, roundTrips }) => {
      const [row] = await graph.read('service-info', {}, roundTrips);
      return row as unknown as ServiceInfo;
    },
  }),
);
