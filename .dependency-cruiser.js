// Architecture rules as code (npm run depcheck). The layers live in scripts/architecture/layers.js;
// docs/architecture.md explains them and shows the diagram made from the same list.
const layers = require('./scripts/architecture/layers');

const API = '^apps/api/src/';
const folderPath = (folder) => (folder === '(root)' ? `${API}[^/]+$` : `${API}${folder}/`);
const anyOf = (folders) => folders.map(folderPath).join('|');

const layerRules = layers.flatMap((layer, index) => {
  const above = layers.slice(index + 1).flatMap((l) => l.folders);
  const rules = [];
  if (above.length > 0) {
    rules.push({
      name: `layer-${layer.name}-looks-down-only`,
      comment: `${layer.folders.join(', ')} (${layer.why}) may not import a higher layer; invert it with an interface the lower folder owns, or a message.`,
      severity: 'error',
      from: { path: anyOf(layer.folders) },
      to: { path: anyOf(above) },
    });
  }
  if (!layer.peers && layer.folders.length > 1) {
    for (const folder of layer.folders) {
      rules.push({
        name: `layer-${layer.name}-peers-apart`,
        comment: `${folder} may not import its peers on the ${layer.name} row.`,
        severity: 'error',
        from: { path: folderPath(folder) },
        to: { path: anyOf(layer.folders.filter((f) => f !== folder)) },
      });
    }
  }
  return rules;
});

const FRAMEWORKS = '^(@nestjs|typeorm|bullmq|ioredis|socket\\.io|socket\\.io-client|@socket\\.io|pg|pg-copy-streams|fastify|@fastify|rxjs|reflect-metadata|exceljs|nodemailer|echarts)(/|$)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file cycles: a cycle makes two files one, and module load order fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'libs/ are shared by the api, the wall screen, the benches: they cannot know any app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-are-pure',
      comment: 'libs/ import no framework, no I/O and no Node built-ins (tests may use their tools).',
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.spec\\.ts$|\\.spec-helper\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'libs-import-no-framework',
      comment: 'libs/ import no framework, no I/O and no Node built-ins (tests may use their tools).',
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.spec\\.ts$|\\.spec-helper\\.ts$' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'dashboard-never-imports-api',
      comment: 'The wall screen talks to the api over HTTP and socket.io; shared types live in libs/contracts.',
      severity: 'error',
      from: { path: '^apps/dashboard/' },
      to: { path: '^apps/api/' },
    },
    ...layerRules,
  ],
  options: {
    exclude: { path: '(^|/)dist/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
