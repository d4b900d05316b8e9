import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scoreWorkbook } from '../../src/actions/assess';
import { recordMonitoring } from '../../src/actions/monitoring';
import { replacePlan } from '../../src/actions/sheets';
import { buildDemoRaw } from '../../src/demo/demo';
import type { RawRow, RawTables } from '../../src/schema/raw';
import { createXlsx } from '../../src/workbook/xlsx/xlsxFile';
import { python } from '../support/foreignWriters';
import { disposeSofficeProfile, recalculateXlsx } from '../support/libreoffice';

/** What openpyxl sees of the charts of `Andamento`: type, title, and each series' references. */
const CHARTS = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for chart in wb['Andamento']._charts:
    title = ''.join(r.t for p in chart.title.tx.rich.p for r in (p.r or [])) if chart.title and chart.title.tx and chart.title.tx.rich else None
    out.append({
        'type': type(chart).__name__,
        'title': title,
        'series': [{'name': s.tx.strRef.f, 'values': s.val.numRef.f, 'categories': s.cat.strRef.f if s.cat.strRef else s.cat.numRef.f} for s in chart.series],
    })
print(json.dumps(out))
`;

function scaled(raw: RawTables, factor: number): RawTables {
  const scale = (v: RawRow[string]) => (typeof v === 'number' ? Math.round(v * factor) : v);
  return { ...raw, phases: raw.phases?.map((row) => ({ ...row, progress: scale(row.progress) })) };
}

interface ChartSeen {
  type: string;
  title: string | null;
  series: { name: string; values: string; categories: string }[];
}

async function chartedWorkbook(): Promise<Uint8Array> {
  const workbook = createXlsx();
  await replacePlan(workbook, scaled(buildDemoRaw(), 0.5), 'it');
  await recordMonitoring(workbook, '2023-06-30', 'it');
  await replacePlan(workbook, buildDemoRaw(), 'it');
  await recordMonitoring(workbook, '2023-09-30', 'it');
  await scoreWorkbook(workbook, 'it');
  // A second Calcola rewrites the same chart instead of adding one.
  await scoreWorkbook(workbook, 'it');
  return workbook.toBytes();
}

async function chartsOf(bytes: Uint8Array): Promise<ChartSeen[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-chart-'));
  try {
    const file = path.join(dir, 'andamento.xlsx');
    await fs.writeFile(file, bytes);
    return JSON.parse(python(CHARTS, [file])) as ChartSeen[];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

describe('the Andamento line chart in an xlsx file', () => {
  afterAll(() => disposeSofficeProfile());

  test('openpyxl reads one line chart whose series refer to the grid of grades; LibreOffice opens it and keeps the chart', async () => {
    const bytes = await chartedWorkbook();
    const charts = await chartsOf(bytes);
    expect(charts).toHaveLength(1);
    expect(charts[0].type).toBe('LineChart');
    expect(charts[0].title).toBe('Grado per data di monitoraggio');
    // The organisation and the demo's first 11 units: at most 12 lines.
    expect(charts[0].series).toHaveLength(12);
    expect(charts[0].series[0]).toEqual({ name: 'Andamento!$O$5', values: 'Andamento!$P$5:$Q$5', categories: 'Andamento!$P$4:$Q$4' });
    expect(charts[0].series[11]).toEqual({ name: 'Andamento!$O$16', values: 'Andamento!$P$16:$Q$16', categories: 'Andamento!$P$4:$Q$4' });

    const { output } = await recalculateXlsx(bytes);
    const afterLibreOffice = await chartsOf(output);
    expect(afterLibreOffice).toHaveLength(1);
    expect(afterLibreOffice[0].type).toBe('LineChart');
    expect(afterLibreOffice[0].series).toHaveLength(12);
    expect(afterLibreOffice[0].series[0].values).toBe('Andamento!$P$5:$Q$5');
  }, 180_000);
});
