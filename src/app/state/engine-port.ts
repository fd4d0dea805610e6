// What the store needs of a simulator: the worker pool in the page, the engine in this thread in
// component tests. Runs may overlap (a solver's designs side by side); `cancel` stops every one at once
// and rejects each with Cancelled.
import type { ResultCollector } from '../../engine/collector.js';
import type { DesignResult } from '../../engine/results.js';
import type { Scenario } from '../../engine/scenario/types.js';

export type Progress = { done: number; total: number; collector: ResultCollector };

export interface EnginePort {
  simulate(scenario: Scenario, onProgress?: (progress: Progress) => void): Promise<DesignResult[]>;
  cancel(): void;
}
