// Small broken reports, one or two defects each, built from the skeletons: shared by the fix
// tests (every fix on every fixture) and available to any test that wants known defects.
import { edit, sk2019, sk2021 } from './findings';

const setRow = (text: string, label: string, values: Array<number | string>) =>
  text.replace(new RegExp(`(${label.replace(/[()（）.]/g, (c) => `\\${c}`)})(\\t0)+`), `$1\t${values.join('\t')}`);
const overview = (text: string, prose: string) => edit(text, '一、总体情况\n\n（请填写。）', `一、总体情况\n\n${prose}`);

export const FIXTURES: Record<string, () => string> = {
  'missing 五 and 六': () => edit(edit(sk2019(), '五、存在的主要问题及改进情况', ''), '六、其他需要报告的事项', ''),
  'missing 三 with its table': () => sk2021().replace(/三、收到和处理政府信息公开申请情况[\s\S]*?四、结转下年度继续办理(\t0)+\n/, ''),
  'title typo': () => edit(sk2019(), '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况'),
  'title variant': () => edit(sk2021(), '五、存在的主要问题及改进情况', '五、存在的主要问题及改进措施'),
  'altered headers': () => edit(edit(sk2019(), '上一年项目数量\t本年增/减\t处理决定数量', '上一年项目数量\t本年增\t处理决定数量'), '只计这一情形', '只记这一情形'),
  'short row': () => setRow(sk2019(), '2.重复申请', [0, 0, 0, 0, 0, 0]),
  'long row': () => {
    let t = setRow(sk2021(), '一、本年新收政府信息公开申请数量', [1, 0, 0, 0, 0, 0, 1]);
    t = setRow(t, '（七）总计', [1, 0, 0, 0, 0, 0, 1]);
    return setRow(t, '1.属于国家秘密', [1, 0, 0, 0, 0, 0, 0, 1]);
  },
  'blank cell forced': () => {
    let t = setRow(sk2019(), '一、本年新收政府信息公开申请数量', [3, 0, 0, 0, 0, 0, 3]);
    t = setRow(t, '（一）予以公开', [3, 0, 0, 0, 0, 0, 3]);
    return setRow(t, '（七）总计', ['/', 0, 0, 0, 0, 0, 3]);
  },
  'blank cell free': () => setRow(sk2019(), '行政许可', [5, '—', 5]),
  'wrong total': () => {
    let t = setRow(sk2019(), '一、本年新收政府信息公开申请数量', [5, 0, 0, 0, 0, 12, 17]);
    t = setRow(t, '（一）予以公开', [5, 0, 0, 0, 0, 12, 17]);
    return setRow(t, '（七）总计', [5, 0, 0, 0, 0, 12, 18]);
  },
  'wrong appeals total': () => sk2019().replace(/\n0(\t0){14}\n/, '\n1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n'),
  'breakdown exceeds': () => overview(sk2019(), '全年共公开信息120条，其中政策文件30条、工作动态70条、通知公告40条。'),
  'prose against table': () => {
    let t = setRow(sk2019(), '一、本年新收政府信息公开申请数量', [10, 2, 0, 0, 0, 0, 12]);
    t = setRow(t, '（一）予以公开', [10, 2, 0, 0, 0, 0, 12]);
    t = setRow(t, '（七）总计', [10, 2, 0, 0, 0, 0, 12]);
    return overview(t, '全年共收到政府信息公开申请13件。');
  },
  'normative in prose': () => overview(setRow(sk2021(), '行政规范性文件', [5, 2, 41]), '本年制发行政规范性文件6件。'),
  'decimals against header': () => edit(edit(sk2019(), '采购总金额', '采购总金额（单位：万元，保留4位小数）'), '政府集中采购\t0\t0', '政府集中采购\t3\t7'),
  '2019 （六） row in a 2021 report': () =>
    setRow(
      setRow(
        sk2021().replace(/（六）其他处理\t1\.申请人[^\n]*\n2\.申请人[^\n]*\n3\.其他(\t0)+\n/, '（六）其他处理\t2\t0\t0\t0\t0\t0\t2\n'),
        '（七）总计', [2, 0, 0, 0, 0, 0, 2]),
      '一、本年新收政府信息公开申请数量', [2, 0, 0, 0, 0, 0, 2]),
};
