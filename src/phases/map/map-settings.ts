import { z } from 'zod';

/** The sources MAP can search. */
export const MAP_SOURCES = ['ripgrep', 'dependency_graph', 'slice_cache'] as const;

export type MapSource = (typeof MAP_SOURCES)[number];

/** MAP's settings in a plan: which sources it asks. */
export const mapSettingsSchema = z.strictObject({
  phase: z.literal('map'),
  targets: z.array(z.enum(MAP_SOURCES)).min(1),
});

export type MapSettings = z.infer<typeof mapSettingsSchema>;

/** MAP asks every source unless told otherwise. */
export const DEFAULT_MAP_SETTINGS: MapSettings = { phase: 'map', targets: [...MAP_SOURCES] };
