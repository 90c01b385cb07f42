// The studio's shared state in the renderer: what is open (graph, dataset, view), the runs, the live run, and
// notices. Components read it; changes go through its methods, which call StudioApi.
import type {
  DatasetRecord,
  FileRef,
  GroupSummary,
  ModelSpec,
  RunSummary,
  SettingChange,
  SettingsChangeRequest,
  StartRunRequest,
  StudioEvent,
  StudioInfo,
  StudioPlace,
  TrainConfig,
} from '../../../main/api/types';
import type { InitialWeights } from '../../../engine/core/io/weightsMatch';
import { analyze } from '../../../engine/core/spec/analyze';
import { shapeText } from '../../../engine/core/spec/names';
import { fitToDataset, matchDataset } from '../editor/matchDataset';
import { fitMessages } from '../editor/messages';
import type { MenuCommand } from '../../../main/api/bridge';
import type { SweepPlan } from '../../../engine/core/train/sweep';
import type { LessonId } from '../../../engine/core/lessons/plans';
import { groupMessages } from '../groups/messages';
import { appMessages } from '../app/messages';
import type { Host } from '../lib/host';
import { StudioError } from '../lib/host';
import { modelImportMessages } from '../editor/modelImportMessages';
import { errorText } from './errorText';
import { GraphSaver } from './graphSaver';
import { refName } from '../data/fileRefs';
import { translator } from '../lib/i18n.svelte';
import { sharedMessages } from '../lib/messages';
import { emptySpec } from '../../../engine/core/spec/empty';
import { configForDataset, defaultTrainConfig } from './config';
import { addNotice, fades, NOTICE_FADE_MS, type Notice } from '../app/notices';
import {
  applyLiveEvent,
  copyLive,
  liveFromDetail,
  liveFromStart,
  showsAtOnce,
  type LiveEvent,
  type LiveRun,
} from './liveRun';

const sharedWords = translator(sharedMessages);
const groupWords = translator(groupMessages);
const modelWords = translator(modelImportMessages);

const fitWords = translator(fitMessages);

export type View = 'model' | 'data' | 'train' | 'experiments' | 'lessons';

export type { Notice } from '../app/notices';

export type { LiveRun } from './liveRun';

/** The studio's own notices, in the language chosen when they appear. */
const t = translator(appMessages);

const AUTOSAVE_DELAY_MS = 400;
/** Where the user is (StudioPlace) is stored once changes settle for this long. */
const PLACE_DELAY_MS = 300;
/** Charts are refreshed at most this often while training (events can arrive every few milliseconds). */
const LIVE_FLUSH_MS = 200;

export class StudioState {
  info = $state<StudioInfo | null>(null);
  view = $state<View>('model');
  /** Whether the user picked a view (a tab) since the studio opened: then load() no longer restores the stored one. */
  private viewChosen = false;
  datasets = $state.raw<DatasetRecord[]>([]);
  datasetId = $state<string | null>(null);
  /** A weights file loaded in the editor: the open graph's runs start from it (null: from seeded weights). */
  startWeights = $state<{ file: FileRef; name: string; weights: InitialWeights } | null>(null);
  /** An imported model's run whose weights its graph's runs start from (set by Open model…; fine-tuning it). */
  startFromRun = $state<{ runId: string; name: string; graphId: string } | null>(null);
  dataset = $derived(this.datasets.find((d) => d.id === this.datasetId) ?? null);
  /** The graph in the editor: its store id once saved, its name and spec. */
  graph = $state.raw<{ id: string | null; name: string; spec: ModelSpec } | null>(null);
  /** startFromRun while its graph is the one open (another graph opened meanwhile trains from its own weights). */
  importedStart = $derived(
    this.startFromRun && this.graph?.id === this.startFromRun.graphId ? this.startFromRun : null,
  );
  /** Set when autosave is waiting or writing. */
  saving = $state(false);
  trainConfig = $state<TrainConfig>(defaultTrainConfig(null));
  runs = $state.raw<RunSummary[]>([]);
  /** Groups of runs (seeds, sweeps), newest first, and the one open in Experiments. */
  groups = $state.raw<GroupSummary[]>([]);
  openGroupId = $state<string | null>(null);
  live = $state.raw<LiveRun | null>(null);
  notices = $state<Notice[]>([]);
  /** The run whose page the Experiments view shows instead of its table (null: the table). */
  openRunId = $state<string | null>(null);
  /** The lesson the Lessons view shows instead of its list (null: the list). */
  lesson = $state<LessonId | null>(null);
  /** A node the editor should select and show (set when a run is refused for a graph problem). */
  focusNodeId = $state<string | null>(null);
  connected = $state(true);

  private noticeId = 0;
  private readonly commandListeners = new Set<(command: MenuCommand) => void>();
  private autosaveTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly saver: GraphSaver;
  private placeTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingPlace: StudioPlace | null = null;
  private pendingLive: LiveRun | null = null;
  /** While startRun is on its way: events of runs not followed (see startTraining). */
  private earlyEvents: LiveEvent[] | null = null;
  private liveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly host: Host) {
    this.saver = new GraphSaver({
      store: host.api,
      current: () => this.graph,
      created: (id) => {
        if (this.graph) this.graph = { ...this.graph, id };
      },
      failed: (error) => this.notify('error', t('noticeSaveFailed', { error: error.message })),
    });
    host.onEvent((event) => this.handleEvent(event));
    host.onConnection((connected) => {
      this.connected = connected;
    });
  }

  /** Menu commands and their keyboard shortcuts reach the component that owns them (undo → the editor, …). */
  onCommand(listener: (command: MenuCommand) => void): () => void {
    this.commandListeners.add(listener);
    return () => this.commandListeners.delete(listener);
  }

  command(command: MenuCommand): void {
    for (const listener of this.commandListeners) listener(command);
  }

  get api() {
    return this.host.api;
  }

  /**
   * Opens the studio where the user left it (the stored StudioPlace): the graph with any edits autosave had not yet
   * stored, the dataset, the training settings, the selected run (else the newest) and the view. Without a place:
   * the graph modified last and the first dataset.
   */
  async load(): Promise<void> {
    const [info, datasets, runs, place, graphs, groups] = await Promise.all([
      this.api.getInfo(),
      this.api.listDatasets(),
      this.api.listRuns(),
      this.api.getPlace(),
      this.api.listGraphs(),
      this.api.listGroups(),
    ]);
    this.info = info;
    this.datasets = datasets;
    this.runs = runs;
    this.groups = groups;
    const graphId = place.graphId ?? (place.draft ? null : (graphs[0]?.id ?? null));
    if (place.draft) {
      this.openSpec(place.draft.name, place.draft.spec, graphId);
      this.updateSpec(place.draft.spec); // stored now as the graph's next version
    } else if (graphId) {
      const doc = await this.api.openGraph(graphId);
      this.graph = { id: doc.id, name: doc.name, spec: doc.spec };
    }
    const datasetId = place.datasetId ?? datasets[0]?.id ?? null;
    if (datasetId) this.selectDataset(datasetId);
    if (place.trainConfig) this.trainConfig = configForDataset(place.trainConfig, this.dataset);
    const runId = place.runId ?? runs[0]?.id ?? null;
    if (runId) await this.watchRun(runId).catch(() => undefined); // deleted meanwhile: nothing to show
    // A tab clicked while the place was still loading wins over the stored view (it used to be switched back).
    if (place.view && !this.viewChosen) this.view = place.view;
    this.openRunId = place.runPageId ?? null;
  }

  /** The user picks a view (a header tab); the Lessons tab, clicked on an open lesson, goes back to the list. */
  showView(view: View): void {
    if (view === 'lessons' && this.view === 'lessons') this.lesson = null;
    this.viewChosen = true;
    this.view = view;
  }

  /** Opens a lesson's page (from the diagnosis of a run, say). */
  openLesson(id: LessonId): void {
    this.lesson = id;
    this.showView('lessons');
  }

  /** What to reopen next time (see load). The graph's spec goes along only while autosave has not stored it. */
  currentPlace(): StudioPlace {
    const graph = this.graph;
    return {
      view: this.view,
      graphId: graph?.id ?? null,
      draft: graph && (graph.id === null || this.saving) ? { name: graph.name, spec: graph.spec } : null,
      datasetId: this.datasetId,
      trainConfig: $state.snapshot(this.trainConfig) as TrainConfig,
      runId: this.live?.runId ?? null,
      runPageId: this.openRunId,
    };
  }

  /** Stores the place once changes settle (App calls this whenever something it holds changes). */
  keepPlace(place: StudioPlace): void {
    if (this.placeTimer) clearTimeout(this.placeTimer);
    this.pendingPlace = place;
    this.placeTimer = setTimeout(() => this.flushPlace(), PLACE_DELAY_MS);
  }

  /** Stores a place still waiting for changes to settle now (the window is closing or reloading). */
  flushPlace(): void {
    if (this.placeTimer) clearTimeout(this.placeTimer);
    this.placeTimer = null;
    const place = this.pendingPlace;
    this.pendingPlace = null;
    if (place) this.api.savePlace(place).catch(() => undefined); // losing the place costs a click; never an error notice
  }

  notify(kind: Notice['kind'], text: string): void {
    const id = ++this.noticeId;
    this.notices = addNotice(this.notices, { id, kind, text });
    if (fades(kind)) setTimeout(() => this.dismiss(id), NOTICE_FADE_MS);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Runs an action and shows its failure as a notice (and a graph problem on its node). */
  async attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      const message = errorText(error);
      if (error instanceof StudioError && error.nodeId) {
        this.focusNodeId = error.nodeId;
        this.view = 'model';
      }
      this.notify('error', message);
      return undefined;
    }
  }

  selectDataset(id: string | null): void {
    this.datasetId = id;
    this.trainConfig = configForDataset(this.trainConfig, this.datasets.find((d) => d.id === id) ?? null);
  }

  async refreshDatasets(): Promise<void> {
    this.datasets = await this.api.listDatasets();
  }

  /**
   * A dataset just imported or added: listed, and selected for training. With `fitGraph`, the open graph is sized to
   * it when that is unambiguous (fitToDataset); otherwise Start says why it is off and offers Match dataset.
   */
  async adoptDataset(id: string, options: { fitGraph?: boolean } = {}): Promise<void> {
    await this.refreshDatasets();
    this.selectDataset(id);
    const graph = this.graph;
    const dataset = this.dataset;
    if (!options.fitGraph || !graph || !dataset) return;
    const outcome = fitToDataset(graph.spec, dataset.manifest, this.trainConfig.loss);
    if (outcome.type !== 'matched') return;
    this.updateSpec(outcome.spec);
    this.notify(
      'info',
      fitWords('autoMatched', {
        dataset: dataset.name,
        shape: shapeText(dataset.manifest.featureShape),
        outputs: outcome.outputs,
      }),
    );
  }

  /** "Match dataset" from outside the editor (the Train view's fix): sizes the open graph to the chosen data. */
  matchGraphToDataset(): void {
    const graph = this.graph;
    const dataset = this.dataset;
    if (!graph || !dataset) return;
    const outcome = matchDataset(graph.spec, analyze(graph.spec), dataset.manifest);
    if (outcome.type === 'matched') this.updateSpec(outcome.spec);
  }

  async refreshRuns(): Promise<void> {
    this.runs = await this.api.listRuns();
  }

  async refreshGroups(): Promise<void> {
    this.groups = await this.api.listGroups();
  }

  /** The open graph and the selected dataset a run trains, or null after saying which one is missing. */
  private readyToTrain(): {
    graph: NonNullable<StudioState['graph']>;
    dataset: NonNullable<StudioState['dataset']>;
  } | null {
    const graph = this.graph;
    const dataset = this.dataset;
    if (!graph) this.notify('error', t('noticeNoGraph'));
    else if (!dataset) this.notify('error', t('noticeNoDataset'));
    return graph && dataset ? { graph, dataset } : null;
  }

  /**
   * Queues a group of runs (a repeat with seeds or a sweep) of the editor's graph on the selected dataset with the
   * panel's settings, and opens it in Experiments. A refusal names the setting (worded by errorWords.ts).
   */
  async startGroup(plan: SweepPlan, parallel = 1): Promise<GroupSummary | undefined> {
    const ready = this.readyToTrain();
    if (!ready) return undefined;
    const { graph, dataset } = ready;
    return this.attempt(async () => {
      const graphId = await this.saveNow('trained');
      const summary = await this.api.createGroup({
        graphId: graphId ?? undefined,
        spec: graph.spec,
        config: $state.snapshot(this.trainConfig) as TrainConfig,
        datasetId: dataset.id,
        plan,
        parallel,
      });
      const runs = Object.values(summary.counts).reduce((a, b) => a + (b ?? 0), 0);
      this.notify('success', groupWords('groupStarted', { name: summary.group.name, n: runs }));
      this.openGroupId = summary.group.id;
      this.openRunId = null; // the group shows in the Experiments view's table, not on a run's page
      this.view = 'experiments';
      await Promise.all([this.refreshGroups(), this.refreshRuns()]);
      return summary;
    });
  }

  /** Shows a run's page (in the Experiments view): its curves, layer views, results, settings and graph. */
  openRun(runId: string | null): void {
    this.openRunId = runId;
    if (runId !== null) this.view = 'experiments';
  }

  /**
   * Open model…: imports an ONNX file as a new graph (shown in the editor, unsupported nodes marked) and, when it
   * can run, a run holding its weights; a notice says what was imported.
   */
  /** Open model… with the desktop's file dialog (the toolbar's button and the File menu); false without one (web mode). */
  async pickModel(): Promise<boolean> {
    const pick = this.host.pickModelFile;
    if (!pick) return false;
    const ref = await this.attempt(() => pick());
    if (ref) await this.openModel(ref);
    return true;
  }

  async openModel(file: FileRef): Promise<void> {
    const result = await this.attempt(() => this.api.importModel(file));
    if (!result) return;
    this.graph = { id: result.graph.id, name: result.graph.name, spec: result.graph.spec };
    // Fine-tuning is the point of bringing a trained model in: its runs start from the imported weights.
    this.startWeights = null;
    this.startFromRun = result.runId
      ? { runId: result.runId, name: result.graph.name, graphId: result.graph.id }
      : null;
    this.view = 'model';
    await this.refreshRuns();
    const { report } = result;
    const words = { file: refName(file), layers: report.layers, params: report.parameters, name: result.graph.name };
    if (result.runId) this.notify('success', modelWords('modelImported', words));
    else this.notify('info', modelWords('modelImportedUnsupported', { ...words, count: report.unsupported.length }));
  }

  /** Opens a graph document in the editor (a new one is saved on its first edit). */
  openSpec(name: string, spec: ModelSpec, id: string | null = null): void {
    // The graph being left keeps its last edit: an autosave still waiting writes it now, not the graph opened next.
    if (this.autosaveTimer && this.graph) {
      clearTimeout(this.autosaveTimer);
      this.autosaveTimer = null;
      void this.saver.save('', this.graph);
    }
    // A weights file was matched onto the graph open when it was loaded: another graph starts from its own weights.
    if (id === null || id !== this.graph?.id) this.startWeights = null;
    this.graph = { id, name, spec };
  }

  /** Opens a new "Untitled network" (in the user's language) holding only its Input node, sized when a shape is given. */
  openEmptyGraph(inputShape?: readonly number[]): ModelSpec {
    const spec = emptySpec(inputShape);
    this.openSpec(sharedWords('untitled'), spec);
    return spec;
  }

  /** The editor calls this after every edit; the graph is saved once edits settle (a crash loses at most the last one). */
  updateSpec(spec: ModelSpec): void {
    const current = this.graph ?? { id: null, name: sharedWords('untitled'), spec };
    this.graph = { ...current, spec };
    this.saving = true;
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = setTimeout(() => {
      void this.saveNow();
    }, AUTOSAVE_DELAY_MS);
  }

  /** Saves the open graph now (after any save on its way); resolves to its store id (null when none is open). */
  async saveNow(note = ''): Promise<string | null> {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    this.saving = true;
    try {
      return await this.saver.save(note);
    } finally {
      this.saving = this.autosaveTimer !== null || this.saver.busy;
    }
  }

  /**
   * Starts training the editor's graph on the selected dataset with the panel's settings, from the seeded weights
   * or from another run's (`from.fromRun`) or a weights file's (`from.weights`).
   */
  async startTraining(
    name?: string,
    from: Pick<StartRunRequest, 'fromRun' | 'weights'> = {},
  ): Promise<RunSummary | undefined> {
    const ready = this.readyToTrain();
    if (!ready) return undefined;
    const { graph, dataset } = ready;
    return this.attempt(async () => {
      const graphId = await this.saveNow('trained');
      const fromFile = from.fromRun === undefined ? this.startWeights : null;
      const fromImported = from.fromRun === undefined && !fromFile ? this.importedStart : null;
      // Events of runs not followed yet are kept until startRun answers: the new run's first epochs may come first.
      this.earlyEvents = [];
      let early: LiveEvent[];
      let run: RunSummary;
      try {
        run = await this.api.startRun({
          graphId: graphId ?? undefined,
          spec: graph.spec,
          config: $state.snapshot(this.trainConfig) as TrainConfig,
          datasetId: dataset.id,
          name,
          ...(fromFile ? { weights: fromFile.file } : {}),
          ...(fromImported ? { fromRun: fromImported.runId } : {}),
          ...from,
        });
      } finally {
        early = this.earlyEvents ?? [];
        this.earlyEvents = null;
      }
      // The run records where it started. The next runs of this graph start there too, until the weights are dropped
      // (editor or Train view) or another graph opens: a fine-tune tried again must not start its frozen layers from
      // random weights.
      this.live = liveFromStart(run, graph.spec, early);
      this.pendingLive = null;
      void this.refreshRuns();
      return run;
    });
  }

  /** Changes settings of the paused live run; the changes made are added to its curves' markers. */
  async changeSettings(changes: SettingsChangeRequest): Promise<SettingChange[]> {
    const runId = this.live?.runId;
    if (!runId) return [];
    const made = await this.api.changeSettings(runId, changes);
    const current = this.pendingLive ?? this.live;
    if (current?.runId === runId && made.length) {
      const next = copyLive(current);
      next.changes = [...next.changes, ...made];
      this.pendingLive = next;
      this.flushLive();
    }
    return made;
  }

  /** Shows a stored run in the live panel (its curves as recorded), e.g. to continue it. */
  async watchRun(runId: string): Promise<void> {
    this.live = liveFromDetail(await this.api.getRun(runId));
  }

  private handleEvent(event: StudioEvent): void {
    switch (event.type) {
      case 'datasets-changed':
        void this.refreshDatasets();
        return;
      case 'import-progress':
        return;
      case 'group-status':
        void this.refreshGroups();
        void this.refreshRuns();
        return;
      case 'run-status':
      case 'run-progress':
      case 'run-epoch':
      case 'run-checkpoint':
      case 'run-finished':
        this.liveEvent(event);
        return;
      default:
        throw new Error(`unknown studio event ${JSON.stringify(event)}`);
    }
  }

  private liveEvent(event: LiveEvent): void {
    if (event.type === 'run-finished') {
      this.runs = [event.run, ...this.runs.filter((r) => r.id !== event.runId)];
      // A group's counts of ended runs move with each of its runs (its status only at its start and end).
      if (event.run.group) void this.refreshGroups();
    }
    const current = this.pendingLive ?? this.live;
    if (!current || current.runId !== event.runId) {
      this.earlyEvents?.push(event);
      if (event.type === 'run-status' || event.type === 'run-finished') void this.refreshRuns();
      return;
    }
    // Events change a private copy in place; it is published at once for a change of state, otherwise with the
    // next refresh, so charts redraw a few times a second however fast epochs and steps arrive.
    const next = this.pendingLive ?? copyLive(current);
    applyLiveEvent(next, event);
    this.pendingLive = next;
    if (showsAtOnce(event)) this.flushLive();
    else if (!this.liveTimer) this.liveTimer = setTimeout(() => this.flushLive(), LIVE_FLUSH_MS);
  }

  private flushLive(): void {
    if (this.liveTimer) clearTimeout(this.liveTimer);
    this.liveTimer = null;
    if (this.pendingLive) this.live = this.pendingLive;
    this.pendingLive = null;
  }
}
