import { NO_SPANS, type SpanRunner } from '../core/spans.js';

/** A {@link SpanRunner} that opens its spans in whichever run's tracer is attached now. */
export interface SpanRelay extends SpanRunner {
  /** Sends spans to `target` until the returned function detaches it. */
  attach(target: SpanRunner): () => void;
}

/**
 * The spans of services that outlive a run (a warm MCP pool): each run attaches its tracer for
 * its duration (runs on one repository never overlap), and between runs spans go nowhere.
 */
export function createSpanRelay(): SpanRelay {
  let target: SpanRunner = NO_SPANS;
  return {
    withSpan: (name, attributes, body) => target.withSpan(name, attributes, body),
    attach(next) {
      target = next;
      return () => {
        if (target === next) target = NO_SPANS;
      };
    },
  };
}
