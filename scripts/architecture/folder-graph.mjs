// Pure helpers of the architecture check: the folder graph of apps/api/src, its cycles, the diagram.
const API = 'apps/api/src/';

/** '(root)' for the files directly in apps/api/src, else the first folder below it; null outside. */
export function folderOf(file) {
  if (!file.startsWith(API)) return null;
  const rest = file.slice(API.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '(root)';
}

/** Map folder → Set of folders it imports (spec files left out: they are not the design). */
export function folderGraph(modules) {
  const graph = new Map();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from || /\.spec\.ts$/.test(module.source)) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (to && to !== from) graph.get(from).add(to);
    }
  }
  return graph;
}

/** Strongly connected components of more than one folder (Tarjan), each sorted. */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const cycles = [];
  const visit = (node) => {
    state.set(node, { index, low: index, onStack: true });
    index++;
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!state.has(next)) {
        visit(next);
        state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
      } else if (state.get(next).onStack) {
        state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
      }
    }
    if (state.get(node).low === state.get(node).index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Edges a → b with no longer path a → … → b: what the picture draws (the table lists them all). */
function reducedEdges(graph) {
  const reaches = (from, to, skipDirect) => {
    const seen = new Set();
    const queue = [...(graph.get(from) ?? [])].filter((n) => !(skipDirect && n === to));
    while (queue.length > 0) {
      const node = queue.pop();
      if (node === to) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      queue.push(...(graph.get(node) ?? []));
    }
    return false;
  };
  const edges = [];
  for (const [from, targets] of [...graph.entries()].sort()) {
    for (const to of [...targets].sort()) if (!reaches(from, to, true)) edges.push([from, to]);
  }
  return edges;
}

const nodeId = (folder) => (folder === '(root)' ? 'root' : folder.replace(/[^A-Za-z0-9]/g, '_'));

/** The Mermaid picture (layers as rows, top layer first) and the table of every folder's imports. */
export function renderDiagram(graph, layers) {
  const lines = ['```mermaid', 'flowchart TD'];
  for (const layer of [...layers].reverse()) {
    const present = layer.folders.filter((f) => graph.has(f));
    if (present.length === 0) continue;
    lines.push(`  subgraph layer_${layer.name}["${layer.name}: ${layer.why}"]`);
    for (const folder of present) lines.push(`    ${nodeId(folder)}["${folder}"]`);
    lines.push('  end');
  }
  for (const [from, to] of reducedEdges(graph)) lines.push(`  ${nodeId(from)} --> ${nodeId(to)}`);
  lines.push('```', '');
  lines.push('| layer | folder | imports (every folder it uses directly) |', '| --- | --- | --- |');
  for (const layer of [...layers].reverse()) {
    for (const folder of layer.folders.filter((f) => graph.has(f))) {
      const uses = [...graph.get(folder)].sort();
      lines.push(`| ${layer.name} | \`${folder}\` | ${uses.length > 0 ? uses.map((u) => `\`${u}\``).join(', ') : '—'} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
