import type { SectionSpec } from './types';

/** The six statutory sections, the same in both formats (条例 第五十条). */
export const SECTIONS: readonly SectionSpec[] = [
  {
    number: 1,
    title: '总体情况',
    variants: ['政府信息公开总体情况', '概述', '总体工作情况', '基本情况'],
  },
  {
    number: 2,
    title: '主动公开政府信息情况',
    variants: ['主动公开情况', '主动公开政府信息的情况'],
    table: 'active',
  },
  {
    number: 3,
    title: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请的情况', '依申请公开政府信息情况'],
    table: 'applications',
  },
  {
    number: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
    ],
    table: 'appeals',
  },
  {
    number: 5,
    title: '存在的主要问题及改进情况',
    variants: [
      '存在的主要问题及改进措施',
      '政府信息公开工作存在的主要问题及改进情况',
      '存在的主要问题和改进情况',
      '存在的主要问题及改进措施情况',
    ],
  },
  {
    number: 6,
    title: '其他需要报告的事项',
    variants: ['其他需要报告的情况', '其他事项'],
  },
];

export const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

export function sectionSpec(number: number): SectionSpec | undefined {
  return SECTIONS.find((s) => s.number === number);
}
