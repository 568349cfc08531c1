import type { CompiledFramework, CompiledNode, FrameworkDocument } from './framework-model.js';
import { nodeMaximum } from './node-maximum.js';

/**
 * Flattens a validated framework into index-addressed nodes so that scoring 10,000 units walks
 * typed arrays instead of object trees. Node 0 is the framework itself; then groups, main indices
 * and indicators. `bottomUp` lists indicators first and the root last, so one pass over it
 * aggregates every level.
 */
export function compileFramework(document: FrameworkDocument): CompiledFramework {
  const isSum = document.aggregation === 'sum';
  const scale = document.scale ?? 1;
  const nodes: CompiledNode[] = [];
  const nodeByCode = new Map<string, number>();

  const addNode = (node: Omit<CompiledNode, 'index' | 'children' | 'indicatorPosition'>): CompiledNode => {
    const compiled: CompiledNode = { ...node, index: nodes.length, children: [], indicatorPosition: -1 };
    nodes.push(compiled);
    if (compiled.parent >= 0) nodes[compiled.parent]?.children.push(compiled.index);
    if (compiled.level !== 'framework') nodeByCode.set(compiled.code, compiled.index);
    return compiled;
  };

  const root = addNode({
    code: document.id,
    name: document.name,
    level: 'framework',
    parent: -1,
    maxPoints: nodeMaximum(document, document.maxPoints),
    weight: 1,
    unscored: false,
  });

  const groupNodes: number[] = [];
  for (const group of document.groups ?? []) {
    const node = addNode({
      code: group.code,
      name: group.name,
      level: 'group',
      parent: root.index,
      maxPoints: isSum ? 0 : scale,
      weight: group.weight ?? 1,
      unscored: false,
    });
    groupNodes.push(node.index);
  }

  const mainIndexNodes: number[] = [];
  const indicatorNodes: number[] = [];
  for (const mainIndex of document.mainIndices) {
    const parent = mainIndex.group === undefined ? root.index : (nodeByCode.get(mainIndex.group) ?? root.index);
    const mainNode = addNode({
      code: mainIndex.code,
      name: mainIndex.name,
      level: 'mainIndex',
      parent,
      maxPoints: nodeMaximum(document, mainIndex.maxPoints),
      weight: mainIndex.weight ?? 1,
      unscored: mainIndex.unscored === true,
    });
    mainIndexNodes.push(mainNode.index);
    const parentNode = nodes[parent];
    if (isSum && parentNode && parentNode.level === 'group') parentNode.maxPoints += mainNode.maxPoints;

    for (const indicator of mainIndex.indicators) {
      const indicatorNode = addNode({
        code: indicator.code,
        name: indicator.name,
        level: 'indicator',
        parent: mainNode.index,
        maxPoints: nodeMaximum(document, indicator.maxPoints),
        weight: indicator.weight ?? 1,
        method: indicator.method,
        ...(indicator.pointsStep !== undefined ? { pointsStep: indicator.pointsStep } : {}),
        unscored: false,
      });
      indicatorNode.indicatorPosition = indicatorNodes.length;
      indicatorNodes.push(indicatorNode.index);
    }
  }

  const bottomUp = [...indicatorNodes, ...mainIndexNodes, ...groupNodes, root.index];

  const pillars = (document.pillars ?? []).map((pillar) => ({
    code: pillar.code,
    name: pillar.name,
    mainIndexNodes: pillar.mainIndices.map((code) => nodeByCode.get(code) ?? -1).filter((index) => index >= 0),
  }));

  return {
    document,
    nodes,
    bottomUp,
    indicatorNodes,
    mainIndexNodes,
    groupNodes,
    pillars,
    nodeByCode,
    maxPoints: root.maxPoints,
    scale,
    precision: document.precision,
  };
}

/**
 * A main index scored from its own value rather than from its indicators' points: it has no
 * indicator, or one of them carries no maximum (the national DTI publishes only main-index values).
 * Such a main index is what a unit answers, the council decides and the engine reads as a value.
 */
export function isScoredFromValue(framework: CompiledFramework, mainIndexNode: number): boolean {
  const node = framework.nodes[mainIndexNode];
  if (!node) return false;
  return node.children.length === 0 || node.children.some((child) => !Number.isFinite(framework.nodes[child]?.maxPoints));
}
