import type { Aggregation } from './framework-model.js';

/**
 * The maximum a main index or an indicator is scored out of: its declared points in a framework
 * that adds points up, the framework's scale in one that takes weighted means of values (ICT Index:
 * every indicator is a 0–1 value). NaN when a sum framework declares none (national DTI publishes
 * no indicator points: such a main index is answered by its value). Compiling a framework puts it on
 * every node; the web, which reads the framework document, asks here.
 */
export function nodeMaximum(
  framework: { aggregation: Aggregation; scale?: number | undefined },
  declared: number | undefined,
): number {
  return framework.aggregation === 'sum' ? (declared ?? Number.NaN) : (framework.scale ?? 1);
}
