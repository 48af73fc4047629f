/**
 * Charts of the in-memory Excel JavaScript API (`worksheet.charts`): a chart, its title and its
 * legend. Re-exported by api.ts.
 */
import { boxAddress, splitSheet } from './addresses';
import type { ChartModel } from './model';
import { ClientObject, FilledCollectionProxy, Resolver } from './proxyBase';
import { sheetPrefix, type RangeProxy } from './ranges';
import type { RequestContext } from './workbook';
import type { WorksheetProxy } from './worksheets';

export class ChartCollectionProxy extends FilledCollectionProxy<ChartModel, ChartProxy> {
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected members(): ChartModel[] {
    return this.sheet.model().charts;
  }
  protected itemFor(chart: ChartModel): ChartProxy {
    return new ChartProxy(this.ctx, this.sheet, new Resolver(() => chart, chart.name));
  }
  add(type: string, sourceData: RangeProxy, seriesBy = 'Auto'): ChartProxy {
    let created: ChartModel | null = null;
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const source = sourceData.box();
      const chart: ChartModel = {
        id: this.ctx.model.newId('chart'),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        sourceAddress: `${sheetPrefix(sourceData.sheet.model().name)}!${boxAddress(source)}`,
        seriesBy,
        title: '',
        topLeft: null,
        bottomRight: null,
        legend: { visible: true, position: 'Right' },
      };
      sheet.charts.push(chart);
      created = chart;
    });
    return new ChartProxy(this.ctx, this.sheet, new Resolver(() => created, 'new chart'));
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, this.sheet, new Resolver(() => this.sheet.model().charts.find((c) => c.name === name) ?? null, `chart "${name}"`));
  }
}

/** `chart.title`: read after a load, like every property. */
export class ChartTitleProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly chart: Resolver<ChartModel>,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> | null {
    const c = this.chart.orNull();
    return c ? { text: c.title, visible: true } : null;
  }
  get text(): string {
    return this.read('text');
  }
  set text(value: string) {
    this.write('text', value, () => (this.chart.get().title = value));
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.write('visible', value, () => void this.chart.get());
  }
}

/** `chart.legend`: read after a load, like every property. */
export class ChartLegendProxy extends ClientObject {
  constructor(
    ctx: RequestContext,
    private readonly chart: Resolver<ChartModel>,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> | null {
    const c = this.chart.orNull();
    return c ? { position: c.legend.position, visible: c.legend.visible } : null;
  }
  get position(): string {
    return this.read('position');
  }
  set position(value: string) {
    this.write('position', value, () => (this.chart.get().legend.position = value));
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.write('visible', value, () => (this.chart.get().legend.visible = value));
  }
}

/** A chart: name, type, title, legend and position (axes and series formatting are not modelled). */
export class ChartProxy extends ClientObject {
  readonly title: ChartTitleProxy;
  readonly legend: ChartLegendProxy;
  constructor(
    ctx: RequestContext,
    private readonly sheet: WorksheetProxy,
    private readonly resolver: Resolver<ChartModel>,
  ) {
    super(ctx);
    this.title = new ChartTitleProxy(ctx, resolver);
    this.legend = new ChartLegendProxy(ctx, resolver);
  }
  protected override navigation(): Record<string, ClientObject> {
    return { title: this.title, legend: this.legend };
  }
  fillAll(): void {
    for (const [key, value] of Object.entries(this.snapshot() ?? {})) this.known.set(key, value);
  }
  protected snapshot(): Record<string, unknown> | null {
    const c = this.resolver.orNull();
    if (!c) return null;
    return { name: c.name, id: c.id, chartType: c.type };
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => (this.resolver.get().name = value));
  }
  get chartType(): string {
    return this.read('chartType');
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this.ctx.queue(() => {
      const chart = this.resolver.get();
      const where = (cell: RangeProxy | string) => (typeof cell === 'string' ? splitSheet(cell).local : boxAddress(cell.box()));
      chart.topLeft = where(startCell);
      chart.bottomRight = endCell ? where(endCell) : null;
      void this.sheet.model();
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const sheet = this.sheet.model();
      const chart = this.resolver.get();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}
