import { compileFramework } from '@opendti/core';
import { resolveFramework } from '@opendti/frameworks';
import { MAX_UNIT_LIST_BYTES, readUnitList } from '../../spreadsheets/read-unit-list.js';
import { writeAnswerTemplate } from '../../spreadsheets/write-answer-template.js';
import { readInputFile } from '../read-input-file.js';
import { writeOutputFile } from '../write-output-file.js';

export interface TemplateOptions {
  framework: string;
  units: string;
  output: string;
}

/** Writes the spreadsheet units fill in offline; returns how many rows it holds. */
export async function runTemplate(options: TemplateOptions): Promise<{ units: number; indicators: number }> {
  const framework = compileFramework(resolveFramework(options.framework));
  const list = await readInputFile(options.units, MAX_UNIT_LIST_BYTES);
  const units = await readUnitList(list.bytes, list.name);
  await writeOutputFile(options.output, await writeAnswerTemplate(framework, units));
  return { units: units.length, indicators: framework.indicatorNodes.length };
}
