import type { Dictionary } from '../i18n/locale';

/**
 * The words of the ranking table (shared: the public ranking shows it, and the manager's
 * publication preview shows the same table before publishing). The public pages' dictionary
 * includes these, so its downloads and unit pages use the same column names.
 */
export type RankingTableKey =
  | 'col_rank'
  | 'col_unit'
  | 'col_value'
  | 'col_percent'
  | 'col_points'
  | 'col_rankChange'
  | 'col_valueChange'
  | 'mainRanksGroup'
  | 'mainValuesGroup'
  | 'pillarValuesGroup'
  | 'pillarRanksGroup'
  | 'rankUp'
  | 'rankDown'
  | 'rankSame'
  | 'newUnit'
  | 'newUnitLong';

export const rankingTableMessages: Dictionary<RankingTableKey> = {
  vi: {
    col_rank: 'Hạng',
    col_unit: 'Đơn vị',
    col_value: 'Chỉ số',
    col_percent: 'Tỷ lệ',
    col_points: 'Điểm / tối đa',
    col_rankChange: 'Thay đổi hạng',
    col_valueChange: 'Thay đổi chỉ số',
    mainRanksGroup: 'Hạng theo chỉ số chính',
    mainValuesGroup: 'Chỉ số chính',
    pillarValuesGroup: 'Trụ cột',
    pillarRanksGroup: 'Hạng theo trụ cột',
    rankUp: 'tăng {count} hạng',
    rankDown: 'giảm {count} hạng',
    rankSame: 'giữ nguyên hạng',
    newUnit: 'Mới',
    newUnitLong: 'không có trong kỳ trước',
  },
  en: {
    col_rank: 'Rank',
    col_unit: 'Unit',
    col_value: 'Index',
    col_percent: 'Percent',
    col_points: 'Points / max',
    col_rankChange: 'Rank change',
    col_valueChange: 'Index change',
    mainRanksGroup: 'Rank per main index',
    mainValuesGroup: 'Main indices',
    pillarValuesGroup: 'Pillars',
    pillarRanksGroup: 'Rank per pillar',
    rankUp: 'up {count} places',
    rankDown: 'down {count} places',
    rankSame: 'same rank',
    newUnit: 'New',
    newUnitLong: 'not in the previous period',
  },
};
