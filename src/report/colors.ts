/** Colours of the report, colour-blind safe (Okabe–Ito), one per group in first-seen order. */
const PALETTE = ['#0072b2', '#009e73', '#cc79a7', '#56b4e9', '#f0e442', '#d55e00', '#999999'];

/** The colour of a phase bar. */
export const PHASE_COLOR = '#4c6a92';
/** The colour of anything that failed. */
export const FAILED_COLOR = '#c62828';
/** The colour of subprocesses (tests, compile). */
export const PROCESS_COLOR = '#e69f00';
/** The colour of model calls. */
export const MODEL_COLOR = '#7b3fa0';

/** Hands out one palette colour per name, the same name always getting the same one. */
export function createColorScale(): (name: string) => string {
  const given = new Map<string, string>();
  return (name) => {
    let color = given.get(name);
    if (color === undefined) {
      color = PALETTE[given.size % PALETTE.length] as string;
      given.set(name, color);
    }
    return color;
  };
}
