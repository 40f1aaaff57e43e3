/** Megabytes here are mebibytes: 1 MB = 1,048,576 bytes. */

/** Where a reading's "in use" and "limit" figures came from. */
export type MemorySource = 'cgroup-v2' | 'cgroup-v1' | 'proc-meminfo' | 'os';

/** One raw reading of memory, as a sampler returns it. */
export interface MemoryReading {
  /** Memory in use, counted against `limitMb`, in MB. */
  usedMb: number;
  /** Memory we may use: the cgroup limit when one applies, else physical memory, in MB. */
  limitMb: number;
  /** Memory still available under the limit, in MB. */
  availableMb: number;
  /** Swap in use, in MB (0 where unknown). */
  swapMb: number;
  /** Resident memory of this process, in MB. */
  rssMb: number;
  /** Resident memory of this process and every descendant process, in MB. */
  treeRssMb: number;
  source: MemorySource;
  /** One line per read that failed and was replaced by a fallback; empty when none did. */
  fallbacks: string[];
}

/** Produces one reading, synchronously. Inject one in tests; the default reads `/proc` and cgroups. */
export type MemorySampler = () => MemoryReading;

/** A reading the monitor has recorded. */
export interface MemorySample extends MemoryReading {
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  /** `usedMb / limitMb`, in [0, 1] (above 1 only when the kernel lets usage pass the limit). */
  ratio: number;
  /** True when this sample was at or above the threshold. */
  highPressure: boolean;
}

/** One entry of {@link MemoryPressureMonitor.getPressureHistory}. */
export interface PressureHistoryEntry {
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  ratio: number;
  rssMb: number;
  treeRssMb: number;
  highPressure: boolean;
}

/** Entering (`'high'`) or leaving (`'low'`) high pressure. */
export interface PressureEvent {
  kind: 'high' | 'low';
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  ratio: number;
  rssMb: number;
  treeRssMb: number;
}

/** What {@link MemoryPressureMonitor.getStats} returns. */
export interface PressureStats {
  /** Ratio of the latest sample. */
  currentRatio: number;
  /** Resident memory of this process, in MB. */
  currentRssMb: number;
  /** Resident memory of this process and its descendants (the MCP servers), in MB. */
  treeRssMb: number;
  /** Mean ratio of the samples of the last 5 seconds. */
  averageRatio5s: number;
  /** Highest ratio seen since the monitor was created. */
  peakRatio: number;
  /** Highest `treeRssMb` seen since the monitor was created, in MB. */
  peakMemoryMb: number;
  /** Memory we may use (cgroup limit or physical memory), in MB. */
  totalSystemMb: number;
  /** Memory still available under the limit, in MB. */
  availableMb: number;
  /** Swap in use, in MB. */
  swapMb: number;
  pressureHigh: boolean;
  /** Pressure events (entering and leaving high pressure) since the monitor was created. */
  pressureEvents: number;
  thresholdRatio: number;
  /** Where the latest sample's figures came from. */
  source: MemorySource;
  /** Samples in which at least one read failed and a fallback was used. */
  fallbackSamples: number;
  /** The latest fallback, or `null` when no read has failed. */
  lastFallback: string | null;
}

/** Events of {@link MemoryPressureMonitor}. */
export interface PressureMonitorEvents {
  'pressure-high': [event: PressureEvent];
  'pressure-low': [event: PressureEvent];
  sample: [sample: MemorySample];
}

/** Lifecycle of a monitor. `'stopped'` may be started again. */
export type MonitorState = 'idle' | 'sampling' | 'stopped';
