// 国办公开办函〔2021〕30号: report years 2021 onwards.
import {
  APPEALS_TABLE,
  APPLICANT_COLUMNS,
  APPLICATION_HEADERS,
  APPLICATION_GROUPS_COMMON,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  OTHER_GROUP_2021,
  OTHER_ROWS_2021,
} from './common';
import { buildIdentities } from './identities';
import type { ApplicationsTableSpec, ColumnSpec, FormatTemplate } from './types';

const col = (id: string, header: string, kind: ColumnSpec['kind'] = 'count'): ColumnSpec => ({
  id,
  header,
  short: header,
  kind,
});

const DECISIONS = [col('decisions', '本年处理决定数量')];

const applications: ApplicationsTableSpec = {
  kind: 'applications',
  headers: APPLICATION_HEADERS,
  columns: APPLICANT_COLUMNS,
  groups: [...APPLICATION_GROUPS_COMMON, OTHER_GROUP_2021],
  rows: [...APPLICATION_ROWS_HEAD, ...OTHER_ROWS_2021, ...APPLICATION_ROWS_TAIL],
};

export const FORMAT_2021: FormatTemplate = {
  id: '2021',
  years: { from: 2021, to: 9999 },
  notice: '国办公开办函〔2021〕30号',
  tables: {
    active: {
      kind: 'active',
      blocks: [
        {
          id: '一',
          caption: '第二十条第（一）项',
          columns: [col('issued', '本年制发件数'), col('repealed', '本年废止件数'), col('inForce', '现行有效件数')],
          rows: [
            { id: 'rules', label: '规章', keys: ['规章'] },
            { id: 'normative', label: '行政规范性文件', keys: ['行政规范性文件', '规范性文件'] },
          ],
        },
        {
          id: '五',
          caption: '第二十条第（五）项',
          columns: DECISIONS,
          rows: [{ id: 'licensing', label: '行政许可', keys: ['行政许可'] }],
        },
        {
          id: '六',
          caption: '第二十条第（六）项',
          columns: DECISIONS,
          rows: [
            { id: 'penalty', label: '行政处罚', keys: ['行政处罚'] },
            { id: 'enforcement', label: '行政强制', keys: ['行政强制'] },
          ],
        },
        {
          id: '八',
          caption: '第二十条第（八）项',
          columns: [col('fees', '本年收费金额（单位：万元）', 'amount')],
          rows: [{ id: 'fees', label: '行政事业性收费', keys: ['行政事业性收费'] }],
        },
      ],
    },
    applications,
    appeals: APPEALS_TABLE,
  },
  identities: buildIdentities(applications),
};
