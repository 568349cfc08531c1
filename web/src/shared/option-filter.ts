import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { matchesSearch } from './format';

/**
 * The filter of every searchable select of the administration: Vietnamese without diacritics
 * ("muong phang" finds "Xã Mường Phăng"), every word of the query, groups kept with their matches.
 */
export const vietnameseOptionsFilter: OptionsFilter = ({ options, search, limit }) => {
  if (search.trim() === '') return options;
  const result: ComboboxParsedItem[] = [];
  let count = 0;
  for (const option of options) {
    if (limit !== undefined && count >= limit) break;
    if ('group' in option) {
      const items = option.items.filter((item: ComboboxItem) => matchesSearch(item.label, search));
      if (items.length > 0) {
        result.push({ ...option, items });
        count += items.length;
      }
    } else if (matchesSearch(option.label, search)) {
      result.push(option);
      count++;
    }
  }
  return result;
};
