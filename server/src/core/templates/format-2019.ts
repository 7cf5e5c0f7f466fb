// 国办公开办函〔2019〕60号 (试行): report years 2019 and 2020.
import {
  APPEALS_TABLE,
  APPLICANT_COLUMNS,
  APPLICATION_HEADERS,
  APPLICATION_GROUPS_COMMON,
  APPLICATION_ROWS_HEAD,
  APPLICATION_ROWS_TAIL,
  OTHER_ROW_2019,
} from './common';
import { buildIdentities } from './identities';
import type { ApplicationsTableSpec, ColumnSpec, FormatTemplate } from './types';

const col = (id: string, header: string, kind: ColumnSpec['kind'] = 'count'): ColumnSpec => ({
  id,
  header,
  short: header,
  kind,
});

const ITEM_COLUMNS = [col('previous', '上一年项目数量'), col('change', '本年增/减', 'signed'), col('decisions', '处理决定数量')];

const applications: ApplicationsTableSpec = {
  kind: 'applications',
  headers: APPLICATION_HEADERS,
  columns: APPLICANT_COLUMNS,
  groups: APPLICATION_GROUPS_COMMON,
  rows: [...APPLICATION_ROWS_HEAD, OTHER_ROW_2019, ...APPLICATION_ROWS_TAIL],
};

export const FORMAT_2019: FormatTemplate = {
  id: '2019',
  years: { from: 2019, to: 2020 },
  notice: '国办公开办函〔2019〕60号',
  tables: {
    active: {
      kind: 'active',
      blocks: [
        {
          id: '一',
          caption: '第二十条第（一）项',
          columns: [col('made', '本年新制作数量'), col('published', '本年新公开数量'), col('inForce', '对外公开总数量')],
          rows: [
            { id: 'rules', label: '规章', keys: ['规章'] },
            { id: 'normative', label: '规范性文件', keys: ['规范性文件'] },
          ],
        },
        {
          id: '五',
          caption: '第二十条第（五）项',
          columns: ITEM_COLUMNS,
          rows: [
            { id: 'licensing', label: '行政许可', keys: ['行政许可'] },
            { id: 'otherServices', label: '其他对外管理服务事项', keys: ['其他对外管理服务事项'] },
          ],
        },
        {
          id: '六',
          caption: '第二十条第（六）项',
          columns: ITEM_COLUMNS,
          rows: [
            { id: 'penalty', label: '行政处罚', keys: ['行政处罚'] },
            { id: 'enforcement', label: '行政强制', keys: ['行政强制'] },
          ],
        },
        {
          id: '八',
          caption: '第二十条第（八）项',
          columns: [col('previous', '上一年项目数量'), col('change', '本年增/减', 'signed')],
          rows: [{ id: 'fees', label: '行政事业性收费', keys: ['行政事业性收费'] }],
        },
        {
          id: '九',
          caption: '第二十条第（九）项',
          columns: [col('projects', '采购项目数量'), col('amount', '采购总金额', 'amount')],
          rows: [{ id: 'procurement', label: '政府集中采购', keys: ['政府集中采购'] }],
        },
      ],
    },
    applications,
    appeals: APPEALS_TABLE,
  },
  identities: buildIdentities(applications),
};
