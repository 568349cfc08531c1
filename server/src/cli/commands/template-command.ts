import { compileFramework } from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import { readUnitList } from '../../spreadsheets/read-unit-list.js';
import { writeAnswerTemplate } from '../../spreadsheets/write-answer-template.js';

export interface TemplateOptions {
  framework: string;
  units: string;
  output: string;
}

/** Writes the spreadsheet units fill in offline; returns how many rows it holds. */
export async function runTemplate(options: TemplateOptions): Promise<{ units: number; indicators: number }> {
  const framework = compileFramework(resolveFramework(options.framework));
  const units = await readUnitList(options.units);
  await writeAnswerTemplate(framework, units, options.output);
  return { units: units.length, indicators: framework.indicatorNodes.length };
}
