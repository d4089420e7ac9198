import type { DataAccounting } from './index.js';
import type { Delta, GuardrailCrossing, ImpactReport, MoneyDelta } from './impact.js';
import type { ProjectedMoney } from './projection.js';
import type { EngineWarning } from './warnings.js';

/** A problem the policy checks found with the head once a sweep value was set (the row has no figures). */
export interface SweepRowIssue {
  code: string;
  message: string;
  file: string;
  /** JSON pointer into the document. */
  path: string;
  line: number;
  column: number;
}

/** The figures of one sweep value: each is the same figure `revops impact` reports for that head. */
export interface SweepFigures {
  /** Arrivals per week at the stage lead classes qualify into (`projection.stages[entry].demandPerWeek`). */
  entryPerWeek: Delta;
  /** Arrivals there over the window (`mqlVolume`). */
  entryArrivals: Delta;
  constraint: {
    stage: Delta<string | null>;
    isMoved: boolean;
    utilisation: Delta;
    crossesCapacity: 'over' | 'under' | null;
  };
  /** `projection.wonPerWeek`. */
  wonPerWeek: ImpactReport['projection']['wonPerWeek'];
  /** `projection.wonRevenue`, in `currency`. */
  wonRevenue: ProjectedMoney;
  currency: string | null;
  /** The flow goal forecast's attainment (`projection.goalForecast.attainment`). */
  goalAttainment: ImpactReport['projection']['goalForecast']['attainment'];
  /**
   * Headcount cost of the capacity changes to the goal period's end (`projection.totalCost`), and
   * how many teams' headcount changes (`projection.costs`): total null with teams is unknown.
   */
  headcountCost: { total: string | null; teams: number };
  /** Each SLA's replayed compliance and its modelled head compliance. */
  slas: { name: string; replayed: Delta; modelled: number | null; modelledChangePts: number | null }[];
  /** Total payout per currency (`comp.total`). */
  payout: MoneyDelta[];
  /** The base guardrails this head crosses, with why. */
  guardrails: { id: string; crossings: GuardrailCrossing[] }[];
}

/** One value of the sweep. */
export interface SweepRow {
  /** The value, exact (decimal text). */
  value: string;
  /** Whether it is the value the base's document holds / the head's own. */
  isBase: boolean;
  isHead: boolean;
  /** Null when the changed head is not valid (see `issues`). */
  figures: SweepFigures | null;
  /** The errors the policy checks found with this value; empty when valid. */
  issues: SweepRowIssue[];
}

/** `revops impact --sweep`: one value of one policy field per row, each the impact of that head against the base. */
export interface ImpactSweepReport {
  schemaVersion: 1;
  kind: 'impact-sweep';
  base: ImpactReport['base'];
  head: ImpactReport['head'];
  stamp: ImpactReport['stamp'];
  sweep: {
    /** The document the path is in (the head's). */
    policy: { kind: string; name: string; file: string };
    /** The path as given, e.g. `spec.classes[id=mql].minScore`. */
    path: string;
    from: string;
    to: string;
    step: string;
    /** The value the base's and the head's document hold there; null when absent (or no such base document). */
    baseValue: string | null;
    headValue: string | null;
    maxValues: number;
  };
  /** The stage whose arrivals the rows count, as the funnel names it. */
  entryStage: { stage: string | null; name: string | null };
  rows: SweepRow[];
  data: DataAccounting;
  warnings: EngineWarning[];
  isMasked: boolean;
}
